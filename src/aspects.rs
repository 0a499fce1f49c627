//! The ids the reflection scan saves answers under, one per aspect of an
//! element: set by the editor or derived from the aspect's text. `validate`
//! checks the ids an editor sets; `render` writes them into the scan's data.

use crate::content::Aspect;

/// The longest aspect id, in characters: enough to tell aspects apart, short in a file.
const ID_LENGTH: usize = 48;

/// Stable ids for an element's aspects: the id an editor set (`{tekst, id}`),
/// or one derived from the text (lowercase, letters and digits, `-` between).
/// Reordering aspects keeps every answer; changing an aspect's text makes it
/// a new aspect, whose old answers are not carried over, unless its id is
/// set by hand. A derived id never takes one set by hand; a text twice in
/// one element gets `-2`.
pub fn aspect_ids(aspects: &[Aspect]) -> Vec<String> {
    let set: Vec<&str> = aspects.iter().filter_map(Aspect::id).collect();
    let mut out: Vec<String> = Vec::with_capacity(aspects.len());
    for a in aspects {
        if let Some(id) = a.id() {
            out.push(id.to_string());
            continue;
        }
        let slug = crate::markdown::slugify(a.text());
        let base: String = slug.chars().take(ID_LENGTH).collect();
        let base = base.trim_end_matches('-').to_string();
        let mut id = base.clone();
        let mut n = 2;
        while out.contains(&id) || set.contains(&id.as_str()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        out.push(id);
    }
    out
}

/// Why `id` cannot be an aspect id an editor sets; `None` when it can.
pub fn aspect_id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("is leeg")
    } else if id.chars().count() > ID_LENGTH {
        Some("is langer dan 48 tekens")
    } else if !id
        .chars()
        .all(|c| c == '-' || (c.is_alphanumeric() && !c.is_uppercase()))
    {
        Some("mag alleen kleine letters, cijfers en - bevatten")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::AspectWithId;

    #[test]
    fn aspect_ids_come_from_the_text_and_are_unique_in_an_element() {
        let aspects = [
            "continu en wederkerig delen van (leer)doelen",
            "Geven én ontvangen!",
            "Geven én ontvangen!",
            "een heel lang aspect dat langer is dan de lengte die een id mag hebben, zeker",
        ]
        .map(|t| Aspect::Text(t.into()));
        let ids = aspect_ids(&aspects);
        assert_eq!(ids[0], "continu-en-wederkerig-delen-van-leer-doelen");
        assert_eq!(ids[1], "geven-én-ontvangen");
        assert_eq!(ids[2], "geven-én-ontvangen-2");
        assert!(
            ids[3].chars().count() <= 48 && !ids[3].ends_with('-'),
            "{}",
            ids[3]
        );
        // Order does not change an aspect's id.
        let reversed: Vec<Aspect> = aspects[..2].iter().rev().cloned().collect();
        assert_eq!(aspect_ids(&reversed), [ids[1].clone(), ids[0].clone()]);
    }

    #[test]
    fn an_id_set_by_hand_is_kept_and_never_taken_by_a_derived_one() {
        let set = |tekst: &str, id: &str| {
            Aspect::WithId(AspectWithId {
                tekst: tekst.into(),
                id: id.into(),
            })
        };
        let aspects = [
            Aspect::Text("Samen leren".into()),
            set("Een nieuwe tekst voor een oud aspect", "samen-leren"),
        ];
        assert_eq!(aspect_ids(&aspects), ["samen-leren-2", "samen-leren"]);
        assert_eq!(aspect_id_problem("delen-van-doelen-2"), None);
        assert_eq!(aspect_id_problem("geven-én-ontvangen"), None);
        assert!(aspect_id_problem("Delen").is_some());
        assert!(aspect_id_problem("delen van doelen").is_some());
        assert!(aspect_id_problem("").is_some());
    }
}

//! Checks of what goes on paper and on coloured tiles: element colours that
//! white text cannot be read on, and duplex offsets beyond a printer's drift.
//!
//! `print` measures (sheet geometry) and `colour` computes contrast; this
//! module turns those values into problems that point at the content line to
//! change.

use crate::colour::{AA_NORMAL_TEXT, WHITE, contrast};
use crate::content::{Doc, DuplexOffset, Element, SettingProblem};
use crate::diagnostics::Problem;
use crate::print::sheet::MAX_OFFSET;

/// A warning for each element whose colour is too light for white text.
pub fn colour_contrast(elements: &[Doc<Element>]) -> Vec<Problem> {
    elements
        .iter()
        .filter_map(|e| {
            let ratio = contrast(&e.meta.colour, WHITE)?;
            (ratio < AA_NORMAL_TEXT).then(|| {
                Problem::warning(
                    &e.file,
                    e.line_of("kleur"),
                    format!(
                        "de kleur {} van {} geeft te weinig contrast met witte tekst ({ratio:.1}:1, minimaal {AA_NORMAL_TEXT}:1)",
                        e.meta.colour, e.meta.code
                    ),
                )
                .hint("kies een donkerdere kleur, zodat witte tekst erop goed leesbaar is (WCAG AA)")
            })
        })
        .collect()
}

/// Offsets that are no number, or larger than a printer ever drifts: more is
/// not drift but a wrong setting, and would push cards off the printable area.
pub fn duplex_offset(offset: &DuplexOffset) -> Vec<SettingProblem> {
    let mut out = Vec::new();
    for (path, mm) in [
        ("duplex_verschuiving.x_mm", offset.x_mm),
        ("duplex_verschuiving.y_mm", offset.y_mm),
    ] {
        let message = if !mm.is_finite() {
            format!("`{path}` is geen getal ({mm})")
        } else if mm.abs() > MAX_OFFSET {
            format!(
                "`{path}` is {mm} mm, maar mag naar beide kanten hoogstens {MAX_OFFSET} mm zijn"
            )
        } else {
            continue;
        };
        out.push(SettingProblem {
            path,
            message,
            hint: "meet hoeveel de achterkant verschoven is (meestal 2–4 mm) en vul dat in, bijvoorbeeld `x_mm: 2.5`".into(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(x_mm: f64, y_mm: f64) -> Vec<&'static str> {
        duplex_offset(&DuplexOffset { x_mm, y_mm })
            .iter()
            .map(|p| p.path)
            .collect()
    }

    #[test]
    fn duplex_offsets_are_finite_and_small() {
        assert!(paths(-2.5, 5.0).is_empty());
        assert_eq!(
            paths(f64::NAN, f64::NEG_INFINITY),
            ["duplex_verschuiving.x_mm", "duplex_verschuiving.y_mm"]
        );
        assert_eq!(paths(0.0, 5.5), ["duplex_verschuiving.y_mm"]);
    }
}

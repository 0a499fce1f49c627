//! The views of the model's own kinds of content.
//!
//! Elements, prompts and checklists show more than their front matter: an
//! element's group and colour, the prompts about it and its place in the
//! model; a prompt's work forms as labels and the element it explains. Their
//! templates read these views; every other kind is shown from its front matter
//! (see `pages`), so a new kind needs no code here.

use super::diagram;
use super::views::Views;
use crate::content::kind::{AnyShelf, Shelf};
use crate::content::{Checklists, Elements, Prompts};

/// Adds the overview's view of `shelf`'s kind; false when it has none.
pub(super) fn fill_list(v: &Views, shelf: &dyn AnyShelf, ctx: &mut tera::Context) -> bool {
    let any = shelf.as_any();
    if let Some(Shelf(elements)) = any.downcast_ref::<Shelf<Elements>>() {
        let views: Vec<_> = elements.iter().map(|e| v.element(e)).collect();
        ctx.insert("elementen", &views);
    } else if let Some(Shelf(prompts)) = any.downcast_ref::<Shelf<Prompts>>() {
        let views: Vec<_> = prompts.iter().map(|p| v.prompt(p)).collect();
        // The filter offers what the prompts use: elements in model order,
        // work forms in order of first use.
        let elements: Vec<_> = v
            .toolkit
            .elements()
            .iter()
            .filter(|e| {
                views
                    .iter()
                    .any(|p| p.elementen.iter().any(|l| l.code == e.meta.code))
            })
            .map(|e| v.element_link(e))
            .collect();
        let mut forms: Vec<&String> = Vec::new();
        for w in views.iter().flat_map(|p| &p.werkvormen) {
            if !forms.contains(&w) {
                forms.push(w);
            }
        }
        ctx.insert("filter_elementen", &elements);
        ctx.insert("filter_werkvormen", &forms);
        ctx.insert("gesprekken", &views);
    } else if let Some(Shelf(checklists)) = any.downcast_ref::<Shelf<Checklists>>() {
        let views: Vec<_> = checklists.iter().map(|c| v.checklist(c)).collect();
        ctx.insert("checklists", &views);
    } else {
        return false;
    }
    true
}

/// Adds the view of the `i`th document of `shelf`; false when its kind has none.
pub(super) fn fill_page(
    v: &Views,
    shelf: &dyn AnyShelf,
    i: usize,
    ctx: &mut tera::Context,
) -> bool {
    let any = shelf.as_any();
    if let Some(Shelf(elements)) = any.downcast_ref::<Shelf<Elements>>() {
        let e = &elements[i];
        ctx.insert("element", &v.element(e));
        ctx.insert(
            "diagram_mini",
            &diagram::model_diagram(v, diagram::Variant::Mini, Some(&e.meta.code)),
        );
        ctx.insert(
            "vorige",
            &i.checked_sub(1).map(|j| v.element_link(&elements[j])),
        );
        ctx.insert("volgende", &elements.get(i + 1).map(|n| v.element_link(n)));
    } else if let Some(Shelf(prompts)) = any.downcast_ref::<Shelf<Prompts>>() {
        ctx.insert("gesprek", &v.prompt(&prompts[i]));
    } else if let Some(Shelf(checklists)) = any.downcast_ref::<Shelf<Checklists>>() {
        ctx.insert("checklist", &v.checklist(&checklists[i]));
    } else {
        return false;
    }
    true
}

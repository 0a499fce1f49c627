//! The views of the model's own kinds of content.
//!
//! Elements, prompts and checklists show more than their front matter: an
//! element's group and colour, the prompts about it and its place in the
//! model; a prompt's work forms as labels and the element it explains. Their
//! templates read these views; every other kind is shown from its front matter
//! (see `pages`), so a new kind needs no code here.

use super::diagram;
use super::views::{ElementLink, SourceView, Views};
use crate::content::kind::{AnyShelf, Shelf};
use crate::content::{Checklists, Elements, Examples, Prompts};

/// Adds the overview's view of `shelf`'s kind; false when it has none.
/// Beside it go the facets its method index filters on that are the kind's
/// own (the elements are every kind's: `used_elements`).
pub(super) fn fill_list(v: &Views, shelf: &dyn AnyShelf, ctx: &mut tera::Context) -> bool {
    let any = shelf.as_any();
    if let Some(Shelf(elements)) = any.downcast_ref::<Shelf<Elements>>() {
        let views: Vec<_> = elements.iter().map(|e| v.element(e)).collect();
        ctx.insert("elementen", &views);
    } else if let Some(Shelf(prompts)) = any.downcast_ref::<Shelf<Prompts>>() {
        let views: Vec<_> = prompts.iter().map(|p| v.prompt(p)).collect();
        // The filter offers the work forms in order of first use.
        let forms = first_use(views.iter().flat_map(|p| p.werkvormen.iter().cloned()));
        ctx.insert("filter_werkvormen", &forms);
        ctx.insert("gesprekken", &views);
    } else if let Some(Shelf(checklists)) = any.downcast_ref::<Shelf<Checklists>>() {
        let views: Vec<_> = checklists.iter().map(|c| v.checklist(c)).collect();
        // The sources in order of first citation, each once.
        let mut sources: Vec<&SourceView> = Vec::new();
        for s in views.iter().flat_map(|c| &c.bronnen) {
            if !sources.iter().any(|k| k.sleutel == s.sleutel) {
                sources.push(s);
            }
        }
        ctx.insert("filter_bronnen", &sources);
        ctx.insert("checklists", &views);
    } else {
        if let Some(Shelf(examples)) = any.downcast_ref::<Shelf<Examples>>() {
            let groups = first_use(examples.iter().map(|e| e.meta.groep.clone()));
            ctx.insert("filter_groepen", &groups);
        }
        return false;
    }
    true
}

/// The elements the documents of `shelf` serve, in model order: what a
/// method index's element filter offers (an element no card has would
/// only ever show none).
pub(super) fn used_elements(v: &Views, shelf: &dyn AnyShelf) -> Vec<ElementLink> {
    v.toolkit
        .elements()
        .iter()
        .filter(|e| (0..shelf.len()).any(|i| shelf.doc(i).elements().contains(&e.meta.code)))
        .map(|e| v.element_link(e))
        .collect()
}

/// `values` without repeats, in order of first appearance: a filter's
/// options in the order the overview shows them.
fn first_use(values: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for value in values {
        if !seen.contains(&value) {
            seen.push(value);
        }
    }
    seen
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

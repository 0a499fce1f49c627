//! Kinds of content: one description per kind, which every stage iterates.
//!
//! A kind is a folder of Markdown files below `content/` whose front matter has
//! one type (`elementen/` holds `Element`s). Load, validate, routes, render,
//! search, print, the preview and the schemas all learn what kinds exist from
//! the registry (`content::registry`), so a new kind of content is its own module, its templates and
//! one line there. What a kind needs beyond the shared shape (an element's code
//! as its address, a prompt's steps in the search text) it says through the
//! [`Kind`] and [`FrontMatter`] methods, not through a stage naming the kind.
//!
//! The model (`model.md`) and the bibliography are one file each, not kinds.

use super::Doc;
use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::any::Any;
use std::fmt::Debug;
use std::path::Path;

/// Something done once per kind, with the kind's types at hand.
pub trait VisitKind {
    fn kind<K: Kind>(&mut self);
}

/// What the stages know about a kind without its types.
#[derive(Debug)]
pub struct KindInfo {
    /// The folder below `content/`; also the URL section of its pages, unless
    /// [`KindInfo::at_root`].
    pub folder: &'static str,
    /// The page kind of one document's page (`gesprek`): how menus mark the
    /// current section and which print document belongs to the page.
    pub page: &'static str,
    /// The template of one document's page.
    pub template: &'static str,
    /// The kind's overview page, when it has one.
    pub list: Option<ListPage>,
    /// How element pages list the documents of this kind about them; `None`:
    /// they do not.
    pub on_elements: Option<OnElements>,
    /// Whether a document must cite at least one source (free pages need not).
    pub sources_required: bool,
    /// UI-string key of the section name shown with search results.
    pub search_label: &'static str,
    /// Pages are published at the site root (`over/`), not below the folder.
    pub at_root: bool,
    /// The schema file `werkplaats schema` writes, and what it says.
    pub schema: SchemaInfo,
}

/// A kind's overview page.
#[derive(Debug)]
pub struct ListPage {
    /// Its page kind (`gesprekken`).
    pub page: &'static str,
    pub template: &'static str,
    /// UI-string key of its title, also its menu entry.
    pub label: &'static str,
    /// What the overview prints as.
    pub print: ListPrint,
}

/// The print version of a kind's overview page.
#[derive(Debug)]
pub enum ListPrint {
    /// None: each document prints on its own.
    Nothing,
    /// One document with all of the kind's documents (all checklists).
    Document,
    /// A card deck with a card per document.
    Deck(DeckInfo),
}

/// A kind's card deck.
#[derive(Debug)]
pub struct DeckInfo {
    /// Its folder below `afdrukken/<papier>/`, also its PDF's name.
    pub slug: &'static str,
    /// UI-string key of its title.
    pub title: &'static str,
    /// Which type sizes its cards are set in.
    pub style: CardStyle,
}

/// The two card designs: an element card (a large essence on the front, three
/// lists on the back) and the smaller type of a prompt card (facts and a
/// numbered list on the back).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardStyle {
    Element,
    Prompt,
}

impl KindInfo {
    /// The kind's card deck, if it has one.
    pub fn deck(&self) -> Option<&DeckInfo> {
        match &self.list.as_ref()?.print {
            ListPrint::Deck(deck) => Some(deck),
            _ => None,
        }
    }
}

/// The list of a kind's documents on each element page they are about.
#[derive(Debug)]
pub struct OnElements {
    /// UI-string key of the list's heading.
    pub label: &'static str,
    /// UI-string key of a note under the list, shown when the theme has it.
    pub note: Option<&'static str>,
}

/// A kind's JSON Schema file.
#[derive(Debug)]
pub struct SchemaInfo {
    pub file: &'static str,
    /// The files it describes, e.g. `content/elementen/<code>.md`.
    pub title: &'static str,
    pub description: &'static str,
}

/// A kind of content, with its front-matter type.
pub trait Kind: 'static + Send + Sync {
    type Meta: FrontMatter;
    const INFO: &'static KindInfo;

    /// Puts the documents in the order lists and pages show them: by title,
    /// unless the kind says otherwise.
    fn sort(docs: &mut [Doc<Self::Meta>]) {
        docs.sort_by(|a, b| a.meta.title().cmp(b.meta.title()));
    }

    /// The last part of a document's address: its file name, unless the kind
    /// says otherwise.
    fn slug(doc: &Doc<Self::Meta>) -> String {
        doc.slug.clone()
    }
}

/// What every kind's front matter tells the shared stages.
pub trait FrontMatter:
    DeserializeOwned + Serialize + JsonSchema + Debug + Clone + Send + Sync + 'static
{
    fn title(&self) -> &str;
    /// A draft (`concept: true`): left out of `build` unless `--drafts`.
    /// Kinds' documents can be drafts; the model and introductions cannot.
    fn concept(&self) -> bool {
        false
    }
    /// The page's title where it differs from `titel` (an element's code and name).
    fn heading(&self) -> String {
        self.title().to_string()
    }
    /// One line for overviews, search engines and link previews.
    fn description(&self) -> Option<&str> {
        None
    }
    /// Keys into the bibliography.
    fn sources(&self) -> &[String];
    /// Codes of the elements the document is about.
    fn elements(&self) -> &[String] {
        &[]
    }
    /// The front-matter texts a reader sees on the page, in page order, for
    /// the search index (the body is added after them).
    fn texts(&self) -> Vec<&str>;
    /// Fields that name documents of another kind by file name.
    fn refs(&self) -> Vec<Refs<'_>> {
        Vec::new()
    }
    /// What the document's card says, for a kind with a card deck (see
    /// [`ListPrint::Deck`]) that is made from the front matter.
    fn card(&self) -> Option<super::card::CardContent<'_>> {
        None
    }
}

/// A front-matter field that names documents of another kind by their file
/// name without `.md` (`checklists: [basisvragen]`): validate checks that
/// each exists, and the page links to them.
#[derive(Debug)]
pub struct Refs<'a> {
    /// The field as editors write it, also the template key of the links.
    pub field: &'static str,
    /// The other kind's folder below `content/`.
    pub folder: &'static str,
    pub slugs: &'a [String],
}

/// One document of any kind, for the stages that treat all kinds alike.
pub trait AnyDoc: Send + Sync + Debug {
    fn file(&self) -> &Path;
    fn body(&self) -> &str;
    fn body_line(&self) -> usize;
    fn front_matter(&self) -> &str;
    fn front_matter_line(&self) -> usize;
    fn title(&self) -> &str;
    fn concept(&self) -> bool;
    fn heading(&self) -> String;
    fn description(&self) -> Option<&str>;
    fn sources(&self) -> &[String];
    fn elements(&self) -> &[String];
    fn texts(&self) -> Vec<&str>;
    fn refs(&self) -> Vec<Refs<'_>>;
    fn card(&self) -> Option<super::card::CardContent<'_>>;
    /// The file line of a front-matter key (see [`Doc::line_of`]).
    fn line_of(&self, key: &str) -> usize;
    /// The file line where a value stands (see [`Doc::line_of_value`]).
    fn line_of_value(&self, value: &str) -> usize;
    /// The path below `content/`, as `@/` links write it.
    fn content_path(&self) -> String;
    /// The front matter as template data, under the names editors write.
    fn meta_value(&self) -> serde_json::Value;
    fn as_any(&self) -> &dyn Any;
}

impl<M: FrontMatter> AnyDoc for Doc<M> {
    fn file(&self) -> &Path {
        &self.file
    }
    fn body(&self) -> &str {
        &self.body
    }
    fn body_line(&self) -> usize {
        self.body_line
    }
    fn front_matter(&self) -> &str {
        &self.front_matter
    }
    fn front_matter_line(&self) -> usize {
        self.front_matter_line
    }
    fn title(&self) -> &str {
        self.meta.title()
    }
    fn concept(&self) -> bool {
        self.meta.concept()
    }
    fn heading(&self) -> String {
        self.meta.heading()
    }
    fn description(&self) -> Option<&str> {
        self.meta.description()
    }
    fn sources(&self) -> &[String] {
        self.meta.sources()
    }
    fn elements(&self) -> &[String] {
        self.meta.elements()
    }
    fn texts(&self) -> Vec<&str> {
        self.meta.texts()
    }
    fn refs(&self) -> Vec<Refs<'_>> {
        self.meta.refs()
    }
    fn card(&self) -> Option<super::card::CardContent<'_>> {
        self.meta.card()
    }
    fn line_of(&self, key: &str) -> usize {
        Doc::line_of(self, key)
    }
    fn line_of_value(&self, value: &str) -> usize {
        Doc::line_of_value(self, value)
    }
    fn content_path(&self) -> String {
        Doc::content_path(self)
    }
    fn meta_value(&self) -> serde_json::Value {
        serde_json::to_value(&self.meta).unwrap_or_default()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The documents of one kind, typed.
pub struct Shelf<K: Kind>(pub Vec<Doc<K::Meta>>);

impl<K: Kind> Clone for Shelf<K> {
    fn clone(&self) -> Self {
        Shelf(self.0.clone())
    }
}

impl<K: Kind> Debug for Shelf<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple(K::INFO.folder).field(&self.0.len()).finish()
    }
}

/// A shelf of any kind: what the shared stages see of it.
pub trait AnyShelf: Send + Sync + Debug {
    fn info(&self) -> &'static KindInfo;
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn doc(&self, i: usize) -> &dyn AnyDoc;
    /// The last part of the `i`th document's address.
    fn slug(&self, i: usize) -> String;
    /// The index of the document read from `file`.
    fn position(&self, file: &Path) -> Option<usize>;
    /// Replaces the body of the document read from `file`; false when none was.
    fn set_body(&mut self, file: &Path, body: &str) -> bool;
    /// Takes the drafts off the shelf; returns their files.
    fn drop_drafts(&mut self) -> Vec<std::path::PathBuf>;
    fn clone_box(&self) -> Box<dyn AnyShelf>;
    fn as_any(&self) -> &dyn Any;
}

impl<K: Kind> AnyShelf for Shelf<K> {
    fn info(&self) -> &'static KindInfo {
        K::INFO
    }
    fn len(&self) -> usize {
        self.0.len()
    }
    fn doc(&self, i: usize) -> &dyn AnyDoc {
        &self.0[i]
    }
    fn slug(&self, i: usize) -> String {
        K::slug(&self.0[i])
    }
    fn position(&self, file: &Path) -> Option<usize> {
        self.0.iter().position(|d| d.file == file)
    }
    fn set_body(&mut self, file: &Path, body: &str) -> bool {
        match self.0.iter_mut().find(|d| d.file == file) {
            Some(d) => {
                d.body = body.to_string();
                true
            }
            None => false,
        }
    }
    fn drop_drafts(&mut self) -> Vec<std::path::PathBuf> {
        let (drafts, published) = std::mem::take(&mut self.0)
            .into_iter()
            .partition(|d| d.meta.concept());
        self.0 = published;
        drafts.into_iter().map(|d: Doc<K::Meta>| d.file).collect()
    }
    fn clone_box(&self) -> Box<dyn AnyShelf> {
        Box::new(self.clone())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Every kind's documents, in registry order.
#[derive(Debug, Default)]
pub struct Shelves(Vec<Box<dyn AnyShelf>>);

impl Clone for Shelves {
    fn clone(&self) -> Self {
        Shelves(self.0.iter().map(|s| s.clone_box()).collect())
    }
}

impl Shelves {
    /// Adds the documents of kind `K` (in registry order, by the load stage).
    pub fn push<K: Kind>(&mut self, docs: Vec<Doc<K::Meta>>) {
        self.0.push(Box::new(Shelf::<K>(docs)));
    }

    /// The documents of kind `K`; empty when the toolkit was made without it.
    pub fn of<K: Kind>(&self) -> &[Doc<K::Meta>] {
        self.0
            .iter()
            .find_map(|s| s.as_any().downcast_ref::<Shelf<K>>())
            .map_or(&[], |s| &s.0)
    }

    /// Where kind `K`'s shelf stands among [`Shelves::iter`].
    pub fn index_of<K: Kind>(&self) -> Option<usize> {
        self.0
            .iter()
            .position(|s| s.as_any().downcast_ref::<Shelf<K>>().is_some())
    }

    /// Every kind's shelf.
    pub fn iter(&self) -> impl Iterator<Item = &dyn AnyShelf> {
        self.0.iter().map(|s| &**s)
    }

    /// The shelf holding the document read from `file`, and its index there.
    pub fn find(&self, file: &Path) -> Option<(&dyn AnyShelf, usize)> {
        self.iter().find_map(|s| s.position(file).map(|i| (s, i)))
    }

    /// Replaces the body of the document read from `file`; false when none was.
    pub fn set_body(&mut self, file: &Path, body: &str) -> bool {
        self.0.iter_mut().any(|s| s.set_body(file, body))
    }

    /// Takes every kind's drafts off the shelves; returns their files.
    pub fn drop_drafts(&mut self) -> Vec<std::path::PathBuf> {
        self.0.iter_mut().flat_map(|s| s.drop_drafts()).collect()
    }
}

//! Annotate: per-language packs that lay stand-off annotations (byte spans) over a document's
//! clean text — tokens, sentences, numbers, dates, triggers, victims, actors, places,
//! attribution cues.
//!
//! This stage is not built yet (issue: extraction engine): `annotate` returns no layers, so
//! the stages after it see an unannotated document and produce nothing.

use sitrep_model::{Document, Span};

/// One annotation: a labelled span on a named layer (`sentence`, `number`, `date`, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub layer: &'static str,
    pub span: Span,
    pub label: String,
}

/// All annotations of one document, in text order per layer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotations {
    pub items: Vec<Annotation>,
}

/// Annotates a document with the language pack of its language.
pub fn annotate(_document: &Document) -> Annotations {
    Annotations::default()
}

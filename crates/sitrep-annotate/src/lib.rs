//! Annotate: per-language packs that lay stand-off annotations (byte spans) over a document's
//! clean text — tokens, sentences, numbers, dates, triggers, victims, actors, places,
//! attribution cues.
//!
//! Built so far: the English pack's tokens and sentences (`en`). Numbers, dates, triggers,
//! victims, actors, places and attribution cues are the extraction issue's next steps.

pub mod en;

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

/// Annotates a document with the language pack of its language (English for now).
pub fn annotate(document: &Document) -> Annotations {
    let tokens = en::tokens::tokenize(&document.text);
    let items = en::sentences::split(&document.text, &tokens)
        .into_iter()
        .map(|span| Annotation { layer: "sentence", span, label: String::new() })
        .collect();
    Annotations { items }
}

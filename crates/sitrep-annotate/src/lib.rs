//! Annotate: per-language packs that lay stand-off annotations (byte spans) over a document's
//! clean text — tokens, sentences, numbers, dates, triggers, victims, actors, places,
//! attribution cues.
//!
//! Built so far: the English pack's tokens, sentences, quantities, dates, triggers and victim words (`en`). Numbers, dates, triggers,
//! victims, actors, places and attribution cues are the extraction issue's next steps.

pub mod en;
pub mod matcher;

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
    let text = &document.text;
    let tokens = en::tokens::tokenize(text);
    let mut items: Vec<Annotation> = en::sentences::split(text, &tokens)
        .into_iter()
        .map(|span| Annotation { layer: "sentence", span, label: String::new() })
        .collect();
    items.extend(en::numbers::quantities(text, &tokens).into_iter().map(|q| {
        let mut label = format!("{} {}", q.qualifier, q.value);
        if let Some(high) = q.high {
            label.push_str(&format!("-{high}"));
        }
        if let Some(word) = &q.vague_word {
            label.push_str(&format!(" ({word})"));
        }
        Annotation { layer: "number", span: q.span, label }
    }));
    let words: Vec<String> = tokens.iter().map(|t| t.span.slice(text).to_lowercase()).collect();
    let token_span = |start: usize, end: usize| Span::new(tokens[start].span.start, tokens[end - 1].span.end);
    for m in en::lexicons::triggers().find_all(&words) {
        let label = format!("{} / {}", m.value.event_type, m.value.sub_event_type);
        items.push(Annotation { layer: "trigger", span: token_span(m.start, m.end), label });
    }
    for m in en::lexicons::victims().find_all(&words) {
        let mut label = m.value.category.clone();
        for tag in &m.value.tags {
            label.push_str(&format!(" #{tag}"));
        }
        items.push(Annotation { layer: "victim", span: token_span(m.start, m.end), label });
    }
    let published = document.published.as_ref().map(|p| p.date);
    items.extend(en::dates::dates(text, &tokens, published).into_iter().map(|d| {
        let range = if d.start == d.end { d.start.to_string() } else { format!("{}..{}", d.start, d.end) };
        Annotation { layer: "date", span: d.span, label: format!("{} {range} (precision {})", d.role, d.precision) }
    }));
    Annotations { items }
}

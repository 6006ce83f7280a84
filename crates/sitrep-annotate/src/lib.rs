//! Annotate: per-language packs that lay stand-off annotations (byte spans) over a document's
//! clean text — tokens, sentences, numbers, dates, triggers, victims, actors, places,
//! attribution cues.
//!
//! Built so far (English pack, `en`): tokens, sentences, quantities, dates, event triggers,
//! victim words, casualty cues and place mentions. Actors and attribution cues come next.
//!
//! Every layer is typed (what extract reads) and can be listed as labelled spans (what `sitrep
//! explain` shows). Annotations never change the text.

pub mod en;
pub mod matcher;

use en::dates::DateMention;
use en::lexicons::{Cue, Trigger, Victim};
use en::numbers::Quantity;
use en::tokens::Token;
use sitrep_model::{Document, PlaceMention, Span};

/// A lexicon match over tokens `[start, end)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged<V> {
    pub start: usize,
    pub end: usize,
    pub span: Span,
    pub value: V,
}

/// One annotation as `explain` lists it: a labelled span on a named layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub layer: &'static str,
    pub span: Span,
    pub label: String,
}

/// All layers of one document, each in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotations {
    /// The text annotated; every span points into it.
    pub text: String,
    pub tokens: Vec<Token>,
    /// Lowercased token texts, index for index with `tokens`.
    pub words: Vec<String>,
    pub sentences: Vec<Span>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    pub triggers: Vec<Tagged<Trigger>>,
    pub victims: Vec<Tagged<Victim>>,
    pub cues: Vec<Tagged<Cue>>,
    pub places: Vec<PlaceMention>,
    /// Words of one country's institutions and law ("the sheriff's office"): its ISO code.
    pub country_cues: Vec<Tagged<String>>,
    /// Names of a country's people ("Indian farmers"): its ISO code.
    pub demonym_cues: Vec<Tagged<String>>,
    /// Names before an institution's word ("the Kansas State Police"): candidate areas.
    pub area_cues: Vec<Tagged<String>>,
}

/// Annotates a document with the language pack of its language (English for now).
pub fn annotate(document: &Document) -> Annotations {
    annotate_text(&document.text, document.published.as_ref().map(|p| p.date))
}

/// Annotates a text published on `published` (relative dates need it).
pub fn annotate_text(text: &str, published: Option<jiff::civil::Date>) -> Annotations {
    let tokens = en::tokens::tokenize(text);
    let words: Vec<String> = tokens.iter().map(|t| lowercase(t.span.slice(text))).collect();
    let tagged = |start: usize, end: usize| Span::new(tokens[start].span.start, tokens[end - 1].span.end);
    let triggers: Vec<Tagged<Trigger>> = en::lexicons::triggers()
        .find_all(&words)
        .into_iter()
        .map(|m| Tagged { start: m.start, end: m.end, span: tagged(m.start, m.end), value: m.value.clone() })
        .collect();
    let victims = en::lexicons::victims()
        .find_all(&words)
        .into_iter()
        .map(|m| Tagged { start: m.start, end: m.end, span: tagged(m.start, m.end), value: m.value.clone() })
        .collect();
    let mut cues: Vec<Tagged<Cue>> = en::lexicons::cues()
        .find_all(&words)
        .into_iter()
        .map(|m| Tagged { start: m.start, end: m.end, span: tagged(m.start, m.end), value: m.value.clone() })
        .collect();
    // "striking a boy in the shoulder": a hit where the body says (`en::hits`).
    let hits: Vec<Tagged<Cue>> = en::hits::hit_cues(&tokens, &words)
        .into_iter()
        .filter(|h| !cues.iter().any(|c| c.start <= h.start && h.start < c.end))
        .collect();
    cues.extend(hits);
    cues.sort_by_key(|c| (c.start, c.end));
    let dates = en::dates::dates_in(text, &tokens, &words, published);
    // A trigger inside a date ("on 10 March") is the month, not a march.
    let overlaps_date = |s: &Span| dates.iter().any(|d| d.span.start < s.end && s.start < d.span.end);
    let triggers = triggers.into_iter().filter(|t| !overlaps_date(&t.span)).collect();
    // A number inside a date ("Jan. 16", "Sept. 15, 2015") is a day, not a count.
    let quantities =
        en::numbers::quantities_in(text, &tokens, &words).into_iter().filter(|q| !overlaps_date(&q.span)).collect();
    let places = en::places::places(text, &tokens, &words);
    let country_cues = en::lexicons::country_cues()
        .find_all(&words)
        .into_iter()
        .map(|m| Tagged { start: m.start, end: m.end, span: tagged(m.start, m.end), value: m.value.clone() })
        .collect();
    let demonym_cues = en::lexicons::demonyms()
        .find_all(&words)
        .into_iter()
        .map(|m| Tagged { start: m.start, end: m.end, span: tagged(m.start, m.end), value: m.value.clone() })
        .collect();
    Annotations {
        area_cues: en::institutions::area_names(text, &tokens, &words),
        country_cues,
        demonym_cues,
        places,
        sentences: en::sentences::split(text, &tokens),
        quantities,
        dates,
        triggers,
        victims,
        cues,
        words,
        tokens,
        text: text.to_owned(),
    }
}

/// A token's text in lowercase; ASCII (most tokens) without Unicode's case tables.
fn lowercase(token: &str) -> String {
    if token.is_ascii() { token.to_ascii_lowercase() } else { token.to_lowercase() }
}

impl Annotations {
    /// Every annotation as a labelled span, layer by layer.
    pub fn items(&self) -> Vec<Annotation> {
        let mut items: Vec<Annotation> =
            self.sentences.iter().map(|&span| Annotation { layer: "sentence", span, label: String::new() }).collect();
        for q in &self.quantities {
            let mut label = format!("{} {}", q.qualifier, q.value);
            if let Some(high) = q.high {
                label.push_str(&format!("-{high}"));
            }
            if let Some(word) = &q.vague_word {
                label.push_str(&format!(" ({word})"));
            }
            items.push(Annotation { layer: "number", span: q.span, label });
        }
        for d in &self.dates {
            let range = if d.start == d.end { d.start.to_string() } else { format!("{}..{}", d.start, d.end) };
            let label = format!("{} {range} (precision {})", d.role, d.precision);
            items.push(Annotation { layer: "date", span: d.span, label });
        }
        for t in &self.triggers {
            let label = format!("{} / {}", t.value.event_type, t.value.sub_event_type);
            items.push(Annotation { layer: "trigger", span: t.span, label });
        }
        for v in &self.victims {
            let mut label = v.value.category.clone();
            for tag in &v.value.tags {
                label.push_str(&format!(" #{tag}"));
            }
            items.push(Annotation { layer: "victim", span: v.span, label });
        }
        for c in &self.country_cues {
            items.push(Annotation { layer: "country", span: c.span, label: c.value.clone() });
        }
        for c in &self.demonym_cues {
            items.push(Annotation { layer: "people", span: c.span, label: c.value.clone() });
        }
        for c in &self.cues {
            items.push(Annotation { layer: "cue", span: c.span, label: c.value.kind.clone() });
        }
        for p in &self.places {
            let mut label = p.name.clone();
            if let Some(feature) = &p.feature {
                label.push_str(&format!(" ({feature})"));
            }
            if !p.context.is_empty() {
                label.push_str(&format!(" in {}", p.context.join(", ")));
            }
            if p.dateline {
                label.push_str(" [dateline]");
            }
            items.push(Annotation { layer: "place", span: p.span, label });
        }
        items
    }

    /// The index of the token that starts at or contains byte `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }
}

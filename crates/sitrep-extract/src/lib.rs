//! Extract: assembles a document's annotations into `Report`s, one per incident it describes,
//! each with type, date, place mentions, actors and attributed casualty claims.
//!
//! Built so far: casualty claims (`rules::casualties`) with their source
//! (`rules::attribution`), in the article and in its embedded posts (whose author is the
//! claimant). Grouping claims into one report per incident, event types, places and actors are
//! next: until then a document yields at most one report holding all its claims.

pub mod rules;

use sitrep_annotate::Annotations;
use sitrep_model::{Claim, Document, Report};

/// The incidents a document describes.
pub fn extract(document: &Document, annotations: &Annotations) -> Vec<Report> {
    let claims = claims(document, annotations);
    if claims.is_empty() && annotations.triggers.is_empty() {
        return Vec::new();
    }
    let date = annotations.dates.iter().find(|d| d.role == "event");
    let (event_type, sub_event_type) = event_type(annotations);
    vec![Report {
        document_id: document.id.clone(),
        event_type,
        sub_event_type,
        date_start: date.map(|d| d.start),
        date_end: date.map(|d| d.end),
        date_precision: date.map(|d| d.precision),
        place_mentions: Vec::new(),
        actors: Vec::new(),
        aggregate: claims.iter().all(|c| c.aggregate),
        spans: claims.iter().filter(|c| c.embedded.is_none() && !c.in_title).map(|c| c.span).collect(),
        claims,
    }]
}

/// The event type and sub-type most of the document's triggers signal (ties: the first met).
///
/// Interim, while a document yields one report: the type of each incident will come from the
/// triggers of its own sentences.
fn event_type(a: &Annotations) -> (Option<String>, Option<String>) {
    let most = |items: Vec<&String>| -> Option<String> {
        let mut counts: Vec<(&String, usize)> = Vec::new();
        for item in items {
            match counts.iter_mut().find(|(t, _)| *t == item) {
                Some((_, n)) => *n += 1,
                None => counts.push((item, 1)),
            }
        }
        let best = counts.iter().map(|(_, n)| *n).max()?;
        counts.into_iter().find(|(_, n)| *n == best).map(|(t, _)| t.clone())
    };
    let Some(event_type) = most(a.triggers.iter().map(|t| &t.value.event_type).collect()) else {
        return (None, None);
    };
    let sub =
        most(a.triggers.iter().filter(|t| t.value.event_type == event_type).map(|t| &t.value.sub_event_type).collect());
    (Some(event_type), sub)
}

/// Which text of a document a claim was read in.
#[derive(Clone, Copy)]
enum Unit {
    Article,
    Title,
    Embedded(usize),
}

/// Every casualty claim of a document, attributed: the article's, its title's, then each
/// embedded post's (whose author is the claimant).
pub fn claims(document: &Document, annotations: &Annotations) -> Vec<Claim> {
    let outlet = document.outlet.clone().unwrap_or_else(|| "the outlet".to_owned());
    let own = |source: Option<String>| source.unwrap_or_else(|| outlet.clone());
    let mut out = attributed(document, annotations, Unit::Article, &own);
    let published = document.published.as_ref().map(|p| p.date);
    if let Some(title) = &document.title {
        let title_annotations = sitrep_annotate::annotate_text(title, published);
        out.extend(attributed(document, &title_annotations, Unit::Title, &own));
    }
    for (index, post) in document.embedded.iter().enumerate() {
        let post_annotations = sitrep_annotate::annotate_text(&post.text, published);
        // The author under their known name when the lexicon knows them, with the handle.
        let name = rules::attribution::claimants::normalise(&post.author, 0, &[]);
        let author = match &post.handle {
            Some(handle) => format!("{name} (@{handle})"),
            None => name,
        };
        out.extend(attributed(document, &post_annotations, Unit::Embedded(index), &|_| author.clone()));
    }
    out
}

fn attributed(
    document: &Document,
    a: &Annotations,
    unit: Unit,
    claimant: &dyn Fn(Option<String>) -> String,
) -> Vec<Claim> {
    let mentions = rules::attribution::claimants::mentions(a);
    rules::casualties::claims(a)
        .into_iter()
        .map(|found| {
            let first = a.token_at(found.sentence.start);
            let last = a.token_at(found.sentence.end);
            let source = rules::attribution::reporting_clause::source(&a.text, a, first, last)
                .map(|s| rules::attribution::claimants::normalise(&s, found.sentence.start, &mentions));
            Claim {
                kind: found.kind,
                value: found.value,
                high: found.high,
                qualifier: found.qualifier,
                vague_word: found.vague_word,
                category: found.category,
                tags: found.tags,
                claimant: claimant(source),
                aggregate: found.aggregate,
                document_id: document.id.clone(),
                span: found.sentence,
                embedded: match unit {
                    Unit::Embedded(i) => Some(i),
                    _ => None,
                },
                in_title: matches!(unit, Unit::Title),
                victims: found.victims,
                quote: found.sentence.slice(&a.text).to_owned(),
            }
        })
        .collect()
}

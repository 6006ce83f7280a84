//! Cleaning: a `RawDocument` becomes a `Document` whose `text` is the article proper.
//!
//! The steps run in this order, each in its own module, each recording what it removed or
//! changed so that `sitrep explain` can show it:
//! 1. `unicode`: characters normalised (NFC, quotes, dashes, invisible characters, spaces);
//! 2. paragraphs found (blank lines; hard-wrapped lines joined);
//! 3. `embedded`: quoted posts split out with author, handle and date;
//! 4. `teaser`: related-story runs inside the text dropped, and a teaser / related-story
//!    block at the end cut;
//! 5. `leftovers`: image links, share buttons and lone labels removed;
//! 6. `obfuscation`: words broken by `*` or `.` repaired;
//! 7. `language`: each paragraph's language detected.

pub mod embedded;
pub mod language;
pub mod leftovers;
pub mod obfuscation;
pub mod teaser;
pub mod unicode;

use sitrep_model::{Document, DroppedSegment, EmbeddedPost, Paragraph, Repair, Span};

use crate::formats::RawDocument;

/// A piece of the document in reading order, while cleaning.
enum Piece {
    /// A paragraph, with what was cut from inside it (offset in the paragraph, reason, text).
    Text {
        text: String,
        removed: Vec<(usize, &'static str, String)>,
        repairs: Vec<obfuscation::Repaired>,
    },
    Post {
        post: EmbeddedPost,
        repairs: Vec<obfuscation::Repaired>,
    },
    Dropped {
        reason: &'static str,
        text: String,
    },
}

/// Cleans a raw document. A document may come out without text (a page of scripts, an empty
/// record): it is still a document, and `Document::text` is empty; callers warn about it.
pub fn clean(raw: RawDocument) -> Document {
    let normalized = unicode::normalize(&raw.text);
    let mut pieces: Vec<Piece> = paragraphs(&normalized)
        .into_iter()
        .map(|text| Piece::Text { text, removed: Vec::new(), repairs: Vec::new() })
        .collect();
    pieces = split_embedded(pieces);
    cut_related_runs(&mut pieces);
    cut_teaser(&mut pieces);
    strip_leftovers(&mut pieces);
    repair_words(&mut pieces);
    let (text, mut paragraphs, embedded, dropped, repairs) = assemble(pieces);
    let language = language::label(&text, &mut paragraphs).or(raw.language_hint.clone());
    let title = raw.title.as_deref().map(clean_line).filter(|t| !t.is_empty());
    let outlet = raw.outlet.as_deref().map(clean_line).filter(|t| !t.is_empty());
    let content_hash = content_hash(&text, title.as_deref(), outlet.as_deref(), raw.url.as_deref(), &raw, &embedded);
    let id = raw.id.clone().or_else(|| raw.url.clone()).unwrap_or_else(|| format!("sha-{}", &content_hash[..16]));
    Document {
        id,
        content_hash,
        raw_hash: raw.raw_hash,
        outlet,
        url: raw.url,
        published: raw.published,
        title,
        language,
        text,
        paragraphs,
        embedded,
        dropped,
        repairs,
        source: raw.source,
        near_duplicate_of: None,
    }
}

/// One line of metadata, cleaned like the text.
fn clean_line(line: &str) -> String {
    let normalized = unicode::normalize(line);
    leftovers::strip(&normalized.replace('\n', " ")).0
}

/// Paragraphs: blank lines separate them; a line that does not end a sentence and is followed
/// by one starting in lower case is a hard wrap and is joined.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.split('\n') {
        let line = line.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let wrapped = !current.is_empty()
            && !current.ends_with(['.', '!', '?', ':', '"', '\''])
            && line.chars().next().is_some_and(char::is_lowercase);
        if wrapped {
            current.push(' ');
            current.push_str(&line);
        } else {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current = line;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn split_embedded(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let Piece::Text { text, .. } = piece else {
            out.push(piece);
            continue;
        };
        // What follows the posts found so far: a slice, as copying it after each post made a
        // paragraph of many posts quadratic.
        let mut rest = text.as_str();
        while let Some(found) = embedded::find(rest) {
            let before = rest[..found.start].trim();
            if !before.is_empty() {
                out.push(Piece::Text { text: before.to_owned(), removed: Vec::new(), repairs: Vec::new() });
            }
            let language = language::detect(&found.text);
            let post = EmbeddedPost {
                author: found.author,
                handle: Some(found.handle),
                date: found.date,
                text: found.text,
                links: found.links,
                language,
                at: 0,
            };
            out.push(Piece::Post { post, repairs: Vec::new() });
            rest = rest[found.end..].trim();
        }
        if rest.len() == text.len() {
            if !text.is_empty() {
                out.push(Piece::Text { text, removed: Vec::new(), repairs: Vec::new() });
            }
        } else if !rest.is_empty() {
            out.push(Piece::Text { text: rest.to_owned(), removed: Vec::new(), repairs: Vec::new() });
        }
    }
    out
}

/// The text paragraphs among the pieces: their indexes and a copy of their texts.
fn text_pieces(pieces: &[Piece]) -> (Vec<usize>, Vec<String>) {
    pieces
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p {
            Piece::Text { text, .. } => Some((i, text.clone())),
            _ => None,
        })
        .unzip()
}

fn cut_related_runs(pieces: &mut [Piece]) {
    let (indices, strings) = text_pieces(pieces);
    for (start, end) in teaser::related_runs(&strings) {
        for &i in &indices[start..end] {
            if let Piece::Text { text, .. } = &mut pieces[i] {
                let text = std::mem::take(text);
                pieces[i] = Piece::Dropped { reason: "related_block", text };
            }
        }
    }
}

fn cut_teaser(pieces: &mut Vec<Piece>) {
    let (indices, strings) = text_pieces(pieces);
    let Some((text_index, offset)) = teaser::find(&strings) else {
        return;
    };
    let piece_index = indices[text_index];
    let mut block = Vec::new();
    for piece in pieces.drain(piece_index..) {
        match piece {
            Piece::Text { text, .. } => block.push(text),
            Piece::Post { post, .. } => block.push(post.text),
            Piece::Dropped { text, .. } => block.push(text),
        }
    }
    let kept = block[0][..offset].trim_end().to_owned();
    block[0] = block[0][offset..].to_owned();
    if !kept.is_empty() {
        pieces.push(Piece::Text { text: kept, removed: Vec::new(), repairs: Vec::new() });
    }
    pieces.push(Piece::Dropped { reason: "teaser_block", text: block.join("\n\n") });
}

fn strip_leftovers(pieces: &mut [Piece]) {
    for piece in pieces.iter_mut() {
        if let Piece::Text { text, removed, .. } = piece {
            let (cleaned, found) = leftovers::strip(text);
            removed.extend(found.into_iter().map(|r| (r.at, r.reason, r.text)));
            *text = cleaned;
        }
    }
}

fn repair_words(pieces: &mut [Piece]) {
    let mut words = std::collections::HashSet::new();
    for piece in pieces.iter() {
        match piece {
            Piece::Text { text, .. } => words.extend(obfuscation::words_of(text)),
            Piece::Post { post, .. } => words.extend(obfuscation::words_of(&post.text)),
            Piece::Dropped { .. } => {}
        }
    }
    for piece in pieces.iter_mut() {
        match piece {
            Piece::Text { text, repairs, .. } => {
                let (fixed, found) = obfuscation::repair(text, &words);
                *text = fixed;
                *repairs = found;
            }
            Piece::Post { post, repairs } => {
                let (fixed, found) = obfuscation::repair(&post.text, &words);
                post.text = fixed;
                *repairs = found;
            }
            Piece::Dropped { .. } => {}
        }
    }
}

type Assembled = (String, Vec<Paragraph>, Vec<EmbeddedPost>, Vec<DroppedSegment>, Vec<Repair>);

/// Joins the pieces into the clean text, placing what was cut at the offsets where it stood.
fn assemble(pieces: Vec<Piece>) -> Assembled {
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    let mut embedded = Vec::new();
    let mut dropped = Vec::new();
    let mut repairs = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text { text: para, removed, repairs: fixed } => {
                let start = if para.is_empty() { text.len() } else { text.len() + if text.is_empty() { 0 } else { 2 } };
                for (at, reason, cut) in removed {
                    dropped.push(DroppedSegment { reason: reason.into(), text: cut, at: start + at.min(para.len()) });
                }
                if para.is_empty() {
                    continue;
                }
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(&para);
                for r in fixed {
                    repairs.push(Repair {
                        original: r.original,
                        repaired: r.repaired,
                        span: Span::new(start + r.start, start + r.end),
                        embedded: None,
                    });
                }
                paragraphs.push(Paragraph { span: Span::new(start, text.len()), language: None });
            }
            Piece::Post { mut post, repairs: fixed } => {
                post.at = text.len();
                for r in fixed {
                    repairs.push(Repair {
                        original: r.original,
                        repaired: r.repaired,
                        span: Span::new(r.start, r.end),
                        embedded: Some(embedded.len()),
                    });
                }
                embedded.push(post);
            }
            Piece::Dropped { reason, text: cut } => {
                dropped.push(DroppedSegment { reason: reason.into(), text: cut, at: text.len() });
            }
        }
    }
    (text, paragraphs, embedded, dropped, repairs)
}

fn content_hash(
    text: &str,
    title: Option<&str>,
    outlet: Option<&str>,
    url: Option<&str>,
    raw: &RawDocument,
    embedded: &[EmbeddedPost],
) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for part in [Some(text), title, outlet, url, raw.published.as_ref().map(|p| p.iso()).as_deref()] {
        hasher.update(part.unwrap_or("").as_bytes());
        hasher.update(&[0]);
    }
    for post in embedded {
        hasher.update(post.text.as_bytes());
        hasher.update(&[0]);
    }
    format!("{:032x}", hasher.digest128())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::SourceRef;

    fn raw(text: &str) -> RawDocument {
        RawDocument::new(
            text.to_owned(),
            text.as_bytes(),
            SourceRef { path: "t.txt".into(), format: "text".into(), record: None },
        )
    }

    #[test]
    fn paragraphs_join_hard_wraps_only() {
        assert_eq!(
            paragraphs("A man was\nshot on Monday.\nPolice came.\n\n\n\nHe died."),
            vec!["A man was shot on Monday.", "Police came.", "He died."]
        );
    }

    #[test]
    fn a_document_of_debris_has_no_text_but_keeps_what_was_cut() {
        let doc = clean(raw("![]() ![]()\n\nShare | Tweet"));
        assert_eq!(doc.text, "");
        assert_eq!(doc.dropped.len(), 2);
        assert_eq!(clean(raw("  \n ")).text, "");
    }

    #[test]
    fn a_paragraph_of_many_posts_is_split() {
        // Slow in the text fuzz target (large crafted input): the rest of the paragraph was
        // copied after each post found.
        let post = "Roads shut \u{2014} Metro Police (@metpol) May 2, 2024 ";
        let text = format!("Intro.\n\n{}Outro.", post.repeat(20_000));
        let pieces = split_embedded(
            paragraphs(&text)
                .into_iter()
                .map(|text| Piece::Text { text, removed: Vec::new(), repairs: Vec::new() })
                .collect(),
        );
        assert_eq!(pieces.len(), 20_002);
        assert!(matches!(&pieces[20_001], Piece::Text { text, .. } if text == "Outro."));
    }

    #[test]
    fn offsets_of_cut_pieces_point_into_the_clean_text() {
        let doc = clean(raw(
            "First para![]() here.\n\nRoads closed https://t.co/x \u{2014} Metro Police (@metpol) May 2, 2024\n\nSecond k.illed para.",
        ));
        assert_eq!(doc.text, "First para here.\n\nSecond killed para.");
        assert_eq!(doc.embedded[0].at, "First para here.".len());
        assert_eq!(doc.repairs[0].span.slice(&doc.text), "killed");
        assert_eq!(doc.dropped[0].text, "![]()");
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.paragraphs[1].span.slice(&doc.text), "Second killed para.");
    }
}

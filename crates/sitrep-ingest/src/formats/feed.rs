//! RSS and Atom feed files (via feed-rs): each item becomes a document with its id or link,
//! title, publication date, and text from its full content or else its summary. The feed's own
//! title is taken as the outlet.
//!
//! Not here: fetching the pages that items link to (a later, opt-in fetcher does that).

use ego_tree::iter::Edge;
use scraper::{Html, Node};
use sitrep_model::SourceRef;

use super::{RawDocument, RecordItem};

/// Parses a feed; each item is a document or an error naming the item.
pub fn parse(bytes: &[u8], path: &str) -> Result<Vec<RecordItem>, String> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| format!("not a readable RSS/Atom feed: {e}"))?;
    let outlet = feed.title.as_ref().map(|t| t.content.trim().to_owned()).filter(|t| !t.is_empty());
    let mut items = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let record = i as u64 + 1;
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = fragment_text(&body);
        if text.trim().is_empty() {
            items.push(Err((record, "item has no content or summary text".into())));
            continue;
        }
        let source = SourceRef { path: path.to_owned(), format: "feed".into(), record: Some(record) };
        let mut doc = RawDocument::new(text, body.as_bytes(), source);
        let link = entry.links.first().map(|l| l.href.clone());
        doc.id = Some(entry.id.clone()).filter(|id| !id.is_empty()).or_else(|| link.clone());
        doc.url = link;
        doc.title = entry.title.map(|t| fragment_text(&t.content)).filter(|t| !t.is_empty());
        doc.outlet = outlet.clone();
        doc.language_hint = entry.language.clone();
        let date = entry.published.or(entry.updated).map(|d| d.to_rfc3339());
        doc.set_published(date.as_deref());
        items.push(Ok(doc));
    }
    Ok(items)
}

/// Block-level elements: their text starts a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "table",
    "tr",
    "section",
    "article",
    "figure",
    "figcaption",
    "pre",
    "hr",
];

/// The text of an HTML fragment, paragraphs separated by blank lines; plain text passes through.
pub fn fragment_text(fragment: &str) -> String {
    if !fragment.contains('<') && !fragment.contains('&') {
        return fragment.trim().to_owned();
    }
    let html = Html::parse_fragment(fragment);
    let mut out = String::new();
    for edge in html.root_element().traverse() {
        let (Edge::Open(node) | Edge::Close(node)) = edge;
        match node.value() {
            Node::Text(text) if matches!(edge, Edge::Open(_)) => {
                let in_script = node
                    .ancestors()
                    .filter_map(|a| a.value().as_element())
                    .any(|e| matches!(e.name(), "script" | "style"));
                if !in_script {
                    out.push_str(text);
                }
            }
            Node::Element(e) if BLOCKS.contains(&e.name()) && !out.ends_with("\n\n") && !out.is_empty() => {
                out.push_str("\n\n");
            }
            _ => {}
        }
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>The Harbour Gazette</title>
<item><title>Blast at depot</title><link>http://gazette.example/1</link><guid>g-1</guid>
<pubDate>Tue, 04 Jun 2019 08:00:00 +0000</pubDate>
<description>&lt;p&gt;An explosion at a fuel depot injured three workers.&lt;/p&gt;&lt;p&gt;Police are investigating.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>http://gazette.example/2</link></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_documents() {
        let items = parse(RSS.as_bytes(), "f.rss").unwrap();
        let doc = items[0].as_ref().unwrap();
        assert_eq!(doc.id.as_deref(), Some("g-1"));
        assert_eq!(doc.outlet.as_deref(), Some("The Harbour Gazette"));
        assert_eq!(doc.published.as_ref().unwrap().iso(), "2019-06-04T08:00:00+00:00");
        assert_eq!(doc.text, "An explosion at a fuel depot injured three workers.\n\nPolice are investigating.");
        assert_eq!(items[1].as_ref().unwrap_err().0, 2);
    }

    #[test]
    fn atom_entries_become_documents() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ridge Post</title><id>urn:x</id><updated>2020-01-01T00:00:00Z</updated>
<entry><title>Clash</title><id>urn:e1</id><updated>2020-01-02T10:00:00Z</updated><link href="http://ridge.example/e1"/><content type="html">&lt;p&gt;Two soldiers died.&lt;/p&gt;</content></entry></feed>"#;
        let items = parse(atom.as_bytes(), "f.atom").unwrap();
        let doc = items[0].as_ref().unwrap();
        assert_eq!((doc.id.as_deref(), doc.text.as_str()), (Some("urn:e1"), "Two soldiers died."));
    }

    #[test]
    fn not_a_feed() {
        assert!(parse(b"<html></html>", "x.xml").unwrap_err().starts_with("not a readable"));
    }
}

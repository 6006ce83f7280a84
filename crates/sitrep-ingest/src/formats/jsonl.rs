//! JSON Lines: one article per line, fields found under their common names (`id`/`doc_id`,
//! `text`/`content`/`body`, `title`, `published`/`date`/`dct`, `url`/`uri`, `outlet`/`source`/
//! `site`) or under names the user maps (`--field text=article_body`). A field holding a page's
//! HTML (`html`, or a text field that is a whole HTML page) is run through main-text extraction.

use serde_json::{Map, Value};
use sitrep_model::SourceRef;

use super::RawDocument;
use crate::sources::FieldMap;

/// Parses one JSON line into a document, or says what is wrong with it.
pub fn parse_line(line: &[u8], fields: &FieldMap, source: SourceRef) -> Result<RawDocument, String> {
    let value: Value = serde_json::from_slice(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(object) = value else {
        return Err("not a JSON object".into());
    };
    let get = |field: &str| first_string(&object, fields.names(field));
    let html = get("html");
    let text = get("text");
    let mut doc = match (text, html) {
        (Some(text), _) if !looks_like_html_page(&text) => RawDocument::new(text, line, source),
        (Some(page), _) | (None, Some(page)) => super::from_html(&page, line, source),
        // A record whose text field is present but empty is still a document (without text).
        (None, None) if has_any(&object, fields.names("text")) => RawDocument::new(String::new(), line, source),
        (None, None) => {
            return Err(format!(
                "no text field (looked for {}; map another with --field text=NAME)",
                fields.names("text").join(", ")
            ));
        }
    };
    doc.id = get("id");
    // Metadata given in the record beats what the page says about itself.
    if let Some(title) = get("title") {
        doc.title = Some(title);
    }
    if let Some(url) = get("url") {
        doc.url = Some(url);
    }
    if let Some(outlet) = get("outlet") {
        doc.outlet = Some(outlet);
    }
    if let Some(published) = get("published") {
        doc.published = None;
        doc.published_raw = None;
        doc.set_published(Some(&published));
    }
    if let Some(language) = get("language") {
        doc.language_hint = Some(language.to_ascii_lowercase());
    }
    Ok(doc)
}

fn first_string(object: &Map<String, Value>, names: &[String]) -> Option<String> {
    names.iter().find_map(|name| match object.get(name)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        // An outlet given as {"name": …}, as some crawlers write it.
        Value::Object(inner) => inner.get("name").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    })
}

fn has_any(object: &Map<String, Value>, names: &[String]) -> bool {
    names.iter().any(|n| object.contains_key(n))
}

fn looks_like_html_page(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> SourceRef {
        SourceRef { path: "docs.jsonl".into(), format: "jsonl".into(), record: Some(1) }
    }

    #[test]
    fn common_field_names() {
        let line = br#"{"doc_id": "abc", "dct": "2016-02-03", "title": "T", "uri": "http://x.example/a", "content": "Two were hurt."}"#;
        let d = parse_line(line, &FieldMap::default(), source()).unwrap();
        assert_eq!(d.id.as_deref(), Some("abc"));
        assert_eq!(d.published.unwrap().iso(), "2016-02-03");
        assert_eq!(d.url.as_deref(), Some("http://x.example/a"));
        assert_eq!(d.text, "Two were hurt.");
    }

    #[test]
    fn mapped_field_names() {
        let mut fields = FieldMap::default();
        fields.set("text", "article_body");
        let d = parse_line(br#"{"id": 7, "article_body": "A man was shot."}"#, &fields, source()).unwrap();
        assert_eq!((d.id.as_deref(), d.text.as_str()), (Some("7"), "A man was shot."));
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        let fields = FieldMap::default();
        assert!(parse_line(b"{not json", &fields, source()).unwrap_err().starts_with("invalid JSON"));
        assert_eq!(parse_line(b"[1,2]", &fields, source()).unwrap_err(), "not a JSON object");
        assert!(parse_line(br#"{"id": "x"}"#, &fields, source()).unwrap_err().starts_with("no text field"));
        // Present but empty: a document without text, for the pipeline to warn about.
        assert_eq!(parse_line(br#"{"id": "x", "content": ""}"#, &fields, source()).unwrap().text, "");
    }
}

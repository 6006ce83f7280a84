//! Paths → a stream of raw documents: directories walked recursively in name order, `-` for
//! standard input, compression undone, the format taken from `--format`, else the file name,
//! else the first bytes. Each file is read lazily, so the stream never holds more than the
//! record in hand.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use sitrep_model::SourceRef;

use crate::encoding;
use crate::error::InputError;
use crate::formats::{self, RawDocument, jsonl, warc::WarcReader};
use crate::reader::{self, LineError};

/// The input formats ingest reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Warc,
    Feed,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
            Format::Feed => "feed",
        }
    }

    /// The format a file name announces, after compression suffixes.
    fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let base = lower.trim_end_matches(".gz").trim_end_matches(".xz");
        let ext = base.rsplit_once('.').map(|(_, e)| e)?;
        Some(match ext {
            "txt" | "text" | "md" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            "warc" => Format::Warc,
            "rss" | "atom" | "xml" => Format::Feed,
            _ => return None,
        })
    }

    /// The format the first bytes show.
    fn sniff(head: &[u8]) -> Format {
        let start = String::from_utf8_lossy(&head[..head.len().min(1024)])
            .trim_start_matches('\u{feff}')
            .trim_start()
            .to_ascii_lowercase();
        if start.starts_with("warc/") {
            Format::Warc
        } else if start.starts_with('{') {
            Format::Jsonl
        } else if start.starts_with("<?xml")
            && (start.contains("<rss") || start.contains("<feed") || start.contains("<rdf"))
            || start.starts_with("<rss")
            || start.starts_with("<feed")
        {
            Format::Feed
        } else if start.starts_with("<!doctype html")
            || start.starts_with("<html")
            || start.starts_with("<?xml")
            || start.contains("<body")
            || start.contains("<head")
        {
            Format::Html
        } else {
            Format::Text
        }
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Format::Text,
            "html" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            "warc" => Format::Warc,
            "feed" | "rss" | "atom" => Format::Feed,
            other => return Err(format!("unknown format '{other}' (text, html, jsonl, warc, feed)")),
        })
    }
}

/// Which JSON fields hold which document field; `--field text=article_body` puts a name first.
#[derive(Debug, Clone)]
pub struct FieldMap {
    names: HashMap<&'static str, Vec<String>>,
}

impl Default for FieldMap {
    fn default() -> Self {
        let table: [(&'static str, &[&str]); 7] = [
            ("id", &["id", "doc_id", "document_id", "docid", "uuid", "guid"]),
            ("text", &["text", "content", "body", "article", "article_text", "maintext", "doc_text", "full_text"]),
            ("html", &["html", "raw_html", "page"]),
            ("title", &["title", "headline", "article_title"]),
            (
                "published",
                &[
                    "published",
                    "date",
                    "dct",
                    "date_publish",
                    "publish_date",
                    "published_at",
                    "pubdate",
                    "datetime",
                    "timestamp",
                ],
            ),
            ("url", &["url", "uri", "link", "source_url"]),
            ("outlet", &["outlet", "source", "site", "site_name", "publisher", "source_domain", "domain"]),
        ];
        let mut names: HashMap<&'static str, Vec<String>> =
            table.iter().map(|(field, names)| (*field, names.iter().map(|n| n.to_string()).collect())).collect();
        names.insert("language", vec!["language".into(), "lang".into()]);
        FieldMap { names }
    }
}

impl FieldMap {
    pub const FIELDS: &'static [&'static str] =
        &["id", "text", "html", "title", "published", "url", "outlet", "language"];

    /// Looks `field` up under `name` first. Fails on a field sitrep does not know.
    pub fn set(&mut self, field: &str, name: &str) -> bool {
        let Some(key) = Self::FIELDS.iter().find(|f| **f == field) else {
            return false;
        };
        let names = self.names.entry(key).or_default();
        names.retain(|n| n != name);
        names.insert(0, name.to_owned());
        true
    }

    pub fn names(&self, field: &str) -> &[String] {
        self.names.get(field).map(Vec::as_slice).unwrap_or_default()
    }
}

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Forces a format instead of detecting it.
    pub format: Option<Format>,
    pub fields: FieldMap,
    /// Largest document (a file, a JSON line, a WARC record) read; larger ones are reported and skipped.
    pub max_document_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { format: None, fields: FieldMap::default(), max_document_bytes: 16 << 20 }
    }
}

type Items = Box<dyn Iterator<Item = Result<RawDocument, InputError>>>;

/// All documents in `paths`, in order, each file opened only when reached.
pub fn read_sources(
    paths: &[PathBuf],
    options: &IngestOptions,
) -> impl Iterator<Item = Result<RawDocument, InputError>> {
    let options = options.clone();
    paths.iter().cloned().flat_map(expand).flat_map(move |entry| -> Items {
        match entry {
            Ok(path) => Box::new(Guarded { name: path.display().to_string(), inner: Some(read_file(&path, &options)) }),
            Err(e) => Box::new(std::iter::once(Err(e))),
        }
    })
}

/// A file's items with panics (bugs in a reader) turned into an error for that file, after
/// which the file is abandoned: its reader's state can no longer be trusted.
struct Guarded {
    name: String,
    inner: Option<Items>,
}

impl Iterator for Guarded {
    type Item = Result<RawDocument, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let inner = self.inner.as_mut()?;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| inner.next())) {
            Ok(item) => item,
            Err(panic) => {
                self.inner = None;
                let message = crate::panic_message(&panic);
                Some(Err(InputError::new(
                    &self.name,
                    format!("internal error while reading: {message} (please report)"),
                )))
            }
        }
    }
}

/// A path, or the files under a directory (recursively, hidden files skipped, in name order).
fn expand(path: PathBuf) -> Vec<Result<PathBuf, InputError>> {
    if path.as_os_str() == "-" || !path.is_dir() {
        return vec![Ok(path)];
    }
    let mut out = Vec::new();
    let mut stack = vec![path];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                out.push(Err(InputError::new(dir.display().to_string(), format!("cannot read directory: {e}"))));
                continue;
            }
        };
        let mut names: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
            .collect();
        names.sort();
        let (dirs, files): (Vec<_>, Vec<_>) = names.into_iter().partition(|p| p.is_dir());
        out.extend(files.into_iter().map(Ok));
        stack.extend(dirs.into_iter().rev());
    }
    out
}

fn one(item: Result<RawDocument, InputError>) -> Items {
    Box::new(std::iter::once(item))
}

fn read_file(path: &Path, options: &IngestOptions) -> Items {
    let name = path.display().to_string();
    let input: Box<dyn Read> = if name == "-" {
        Box::new(io::stdin())
    } else {
        match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return one(Err(InputError::new(&name, format!("cannot open: {e}")))),
        }
    };
    let (head, stream) = reader::peek(reader::decompress(input).0);
    if head.is_empty() {
        return one(Err(InputError::new(&name, "empty file")));
    }
    let format = options
        .format
        .or_else(|| Format::from_name(&name).filter(|_| name != "-"))
        .unwrap_or_else(|| Format::sniff(&head));
    if format != Format::Warc && is_binary(&head) {
        return one(Err(InputError::new(&name, "binary data, not text (use --format to force a format)")));
    }
    let id = file_id(path);
    match format {
        Format::Jsonl => jsonl_items(name, stream, options),
        Format::Warc => {
            let path_name = name.clone();
            Box::new(WarcReader::new(stream, &name, options.max_document_bytes).map(move |item| {
                item.map_err(|(record, problem)| InputError::new(format!("{path_name}: record {record}"), problem))
            }))
        }
        Format::Feed => match read_whole(stream, &name, options) {
            Ok(bytes) => match formats::feed::parse(&bytes, &name) {
                Ok(items) => {
                    let path_name = name.clone();
                    Box::new(items.into_iter().map(move |item| {
                        item.map_err(|(n, problem)| InputError::new(format!("{path_name}: item {n}"), problem))
                    }))
                }
                Err(problem) => one(Err(InputError::new(&name, problem))),
            },
            Err(e) => one(Err(e)),
        },
        Format::Text | Format::Html => one(read_whole(stream, &name, options).map(|bytes| {
            let source = SourceRef { path: name.clone(), format: format.name().into(), record: None };
            let mut doc = if format == Format::Html {
                let (page, _) = encoding::decode(&bytes, None, true, None);
                formats::from_html(&page, &bytes, source)
            } else {
                let (text, _) = encoding::decode(&bytes, None, false, None);
                formats::text::parse(&text, &bytes, source)
            };
            doc.id = id;
            doc
        })),
    }
}

/// Some bytes that are not text: NUL bytes, unless a UTF-16 byte order mark explains them.
fn is_binary(head: &[u8]) -> bool {
    let utf16 = head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]);
    !utf16 && memchr::memchr(0, head).is_some()
}

/// A file's document id: its name without extensions (`000_ab12.txt.gz` → `000_ab12`).
fn file_id(path: &Path) -> Option<String> {
    if path.as_os_str() == "-" {
        return None;
    }
    let name = path.file_name()?.to_string_lossy().into_owned();
    let mut id = name.as_str();
    for suffix in [".gz", ".xz"] {
        id = id.strip_suffix(suffix).unwrap_or(id);
    }
    let id = id.rsplit_once('.').map_or(id, |(stem, _)| stem);
    Some(id.to_owned())
}

fn read_whole(mut stream: reader::Peeked, name: &str, options: &IngestOptions) -> Result<Vec<u8>, InputError> {
    reader::read_bounded(&mut stream, options.max_document_bytes).map_err(|e| match e {
        LineError::TooLong { bytes } => InputError::new(
            name,
            format!(
                "{bytes} bytes is over the document size limit of {} bytes (--max-document-bytes)",
                options.max_document_bytes
            ),
        ),
        LineError::Io(e) => InputError::new(name, format!("cannot read: {e}")),
    })
}

fn jsonl_items(name: String, mut stream: reader::Peeked, options: &IngestOptions) -> Items {
    let options = options.clone();
    let mut line_no = 0u64;
    let mut buf = Vec::new();
    let mut done = false;
    Box::new(std::iter::from_fn(move || {
        while !done {
            line_no += 1;
            let at = format!("{name}: line {line_no}");
            match reader::read_line_bounded(&mut stream, &mut buf, options.max_document_bytes) {
                Ok(false) => done = true,
                Ok(true) if buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(true) => {
                    let source = SourceRef { path: name.clone(), format: "jsonl".into(), record: Some(line_no) };
                    return Some(jsonl::parse_line(&buf, &options.fields, source).map_err(|p| InputError::new(at, p)));
                }
                Err(LineError::TooLong { bytes }) => {
                    return Some(Err(InputError::new(
                        at,
                        format!(
                            "line of {bytes} bytes is over the document size limit of {} bytes (--max-document-bytes)",
                            options.max_document_bytes
                        ),
                    )));
                }
                Err(LineError::Io(e)) => {
                    done = true;
                    return Some(Err(InputError::new(at, format!("cannot read: {e}"))));
                }
            }
        }
        None
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names_and_bytes() {
        assert_eq!(Format::from_name("a/b/x.warc.gz"), Some(Format::Warc));
        assert_eq!(Format::from_name("x.jsonl.xz"), Some(Format::Jsonl));
        assert_eq!(Format::from_name("README"), None);
        assert_eq!(Format::sniff(b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(Format::sniff(b"  {\"id\": 1}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"<?xml version='1.0'?><rss>"), Format::Feed);
        assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff(b"Gunmen attacked"), Format::Text);
    }

    #[test]
    fn file_ids_drop_extensions() {
        assert_eq!(file_id(Path::new("d/000_ab12.txt")).as_deref(), Some("000_ab12"));
        assert_eq!(file_id(Path::new("d/page.html.gz")).as_deref(), Some("page"));
        assert_eq!(file_id(Path::new("-")), None);
    }

    #[test]
    fn field_map_overrides_come_first() {
        let mut m = FieldMap::default();
        assert!(m.set("text", "article_body"));
        assert_eq!(m.names("text")[0], "article_body");
        assert!(!m.set("colour", "x"));
    }
}

//! WARC files as CC-NEWS crawls write them (`.warc`, `.warc.gz` with one gzip member per
//! record), read one record at a time so a file of any size runs in constant memory.
//!
//! `response` records holding an HTTP 200 HTML page become documents: the id is the
//! `WARC-Target-URI`, the date the page's own publication date or else `WARC-Date`. Other
//! records (requests, metadata, non-HTML responses) are passed over. A broken record is
//! reported with its number and reading resumes at the next `WARC/` header.

use std::io::{BufRead, Read};

use sitrep_model::SourceRef;

use super::{RawDocument, RecordItem};
use crate::encoding;
use crate::reader::{LineError, read_line_bounded};

/// Longest header line accepted; a WARC header line is never near this.
const MAX_HEADER_LINE: usize = 64 * 1024;

/// Iterates over the documents of a WARC stream.
pub struct WarcReader<R> {
    reader: R,
    path: String,
    max_record: usize,
    record: u64,
    failed: bool,
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(reader: R, path: &str, max_record: usize) -> Self {
        WarcReader { reader, path: path.to_owned(), max_record, record: 0, failed: false }
    }

    /// Finds the next `WARC/` version line; false at end of stream.
    fn seek_header(&mut self, line: &mut Vec<u8>) -> Result<bool, String> {
        loop {
            match read_line_bounded(&mut self.reader, line, MAX_HEADER_LINE) {
                Ok(false) => return Ok(false),
                Ok(true) if line.starts_with(b"WARC/") => return Ok(true),
                Ok(true) | Err(LineError::TooLong { .. }) => continue,
                Err(LineError::Io(e)) => return Err(format!("cannot read: {e}")),
            }
        }
    }

    fn next_item(&mut self) -> Option<RecordItem> {
        let mut line = Vec::new();
        loop {
            match self.seek_header(&mut line) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    self.failed = true;
                    return Some(Err((self.record + 1, e)));
                }
            }
            self.record += 1;
            let record = self.record;
            let headers = match self.read_headers(&mut line) {
                Ok(h) => h,
                Err(e) => return Some(Err((record, e))),
            };
            let length = match header(&headers, "content-length").map(|v| v.parse::<u64>()) {
                Some(Ok(n)) => n,
                Some(Err(_)) => return Some(Err((record, "Content-Length is not a number".into()))),
                None => return Some(Err((record, "no Content-Length header".into()))),
            };
            if length > self.max_record as u64 {
                if let Err(e) = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink()) {
                    self.failed = true;
                    return Some(Err((record, format!("cannot read: {e}"))));
                }
                return Some(Err((
                    record,
                    format!("record of {length} bytes is over the limit of {} bytes", self.max_record),
                )));
            }
            let mut block = Vec::with_capacity(length as usize);
            match (&mut self.reader).take(length).read_to_end(&mut block) {
                Ok(n) if n as u64 == length => {}
                Ok(n) => {
                    self.failed = true;
                    return Some(Err((record, format!("truncated: {n} of {length} bytes"))));
                }
                Err(e) => {
                    self.failed = true;
                    return Some(Err((record, format!("cannot read: {e}"))));
                }
            }
            let is_response = header(&headers, "warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
            if !is_response {
                continue;
            }
            let source = SourceRef { path: self.path.clone(), format: "warc".into(), record: Some(record) };
            match response_document(&headers, &block, source, self.max_record) {
                Ok(Some(doc)) => return Some(Ok(doc)),
                Ok(None) => continue,
                Err(e) => return Some(Err((record, e))),
            }
        }
    }

    fn read_headers(&mut self, line: &mut Vec<u8>) -> Result<Vec<(String, String)>, String> {
        let mut headers = Vec::new();
        loop {
            match read_line_bounded(&mut self.reader, line, MAX_HEADER_LINE) {
                Ok(false) => return Err("truncated in its header".into()),
                Ok(true) if line.is_empty() => return Ok(headers),
                Ok(true) => {
                    let text = String::from_utf8_lossy(line);
                    if let Some((name, value)) = text.split_once(':') {
                        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
                    }
                }
                Err(LineError::TooLong { .. }) => return Err("header line too long".into()),
                Err(LineError::Io(e)) => {
                    self.failed = true;
                    return Err(format!("cannot read: {e}"));
                }
            }
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = RecordItem;

    fn next(&mut self) -> Option<RecordItem> {
        if self.failed {
            return None;
        }
        self.next_item()
    }
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// The document in an HTTP response block, `None` when it is not a successful HTML page.
/// A compressed body may not grow past `max_body` bytes.
fn response_document(
    warc: &[(String, String)],
    block: &[u8],
    source: SourceRef,
    max_body: usize,
) -> Result<Option<RawDocument>, String> {
    let Some(split) = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))
    else {
        return Err("HTTP response has no end of headers".into());
    };
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or_default();
    if status.split_whitespace().nth(1) != Some("200") {
        return Ok(None);
    }
    let http: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let content_type = header(&http, "content-type").unwrap_or("text/html").to_ascii_lowercase();
    if !(content_type.contains("html") || content_type.contains("xml")) {
        return Ok(None);
    }
    let mut body = block[split.1..].to_vec();
    if header(&http, "transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body).ok_or("broken chunked transfer encoding")?;
    }
    match header(&http, "content-encoding").map(str::to_ascii_lowercase).as_deref() {
        Some("gzip") | Some("x-gzip") => {
            body = inflate(flate2::read::MultiGzDecoder::new(&body[..]), max_body)
                .map_err(|e| format!("gzip body: {e}"))?;
        }
        Some("deflate") => {
            body = inflate(flate2::read::ZlibDecoder::new(&body[..]), max_body)
                .map_err(|e| format!("deflate body: {e}"))?;
        }
        _ => {}
    }
    let uri = header(warc, "warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_owned());
    let charset = content_type.split("charset=").nth(1).map(|c| c.trim_matches(['"', ' ', ';']));
    let tld = uri.as_deref().and_then(encoding::url_tld);
    let (page, _) = encoding::decode(&body, charset, true, tld);
    let mut doc = super::from_html(&page, block, source);
    doc.id = uri.clone().or_else(|| header(warc, "warc-record-id").map(str::to_owned));
    // The URI the crawler fetched is what users join on; a canonical URL may differ.
    if let Some(uri) = uri {
        doc.url = Some(uri);
    }
    if doc.published.is_none() {
        doc.set_published(header(warc, "warc-date"));
    }
    Ok(Some(doc))
}

/// A decompressed body, at most `limit` bytes of it: a few kilobytes of gzip can hold
/// gigabytes, so the record size limit alone does not bound it.
fn inflate(decoder: impl Read, limit: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    decoder.take(limit as u64 + 1).read_to_end(&mut out).map_err(|e| e.to_string())?;
    if out.len() > limit {
        return Err(format!("over the limit of {limit} bytes once decompressed"));
    }
    Ok(out)
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = memchr::memmem::find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..).unwrap_or_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WARC record as crawlers write it, around an HTTP response with `page` as body.
    pub(crate) fn record(kind: &str, uri: &str, page: &str) -> Vec<u8> {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-06-01T10:00:00Z\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )
        .into_bytes()
    }

    fn page(body: &str) -> String {
        format!("<html><head><title>T</title></head><body><article><p>{body}</p></article></body></html>")
    }

    #[test]
    fn responses_become_documents_and_others_are_passed_over() {
        let mut data = record("request", "http://a.example/1", "");
        data.extend(record("response", "http://a.example/1", &page("Four people were wounded in a shooting outside a bar late on Friday night, police said in a statement on Saturday morning.")));
        let docs: Vec<_> = WarcReader::new(&data[..], "x.warc", 1 << 20).collect();
        assert_eq!(docs.len(), 1);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.id.as_deref(), Some("http://a.example/1"));
        assert_eq!(doc.published.as_ref().unwrap().iso(), "2019-06-01T10:00:00+00:00");
        assert_eq!(doc.source.record, Some(2));
    }

    #[test]
    fn a_broken_record_is_reported_and_the_next_one_read() {
        let mut data = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\ngarbage\r\n\r\n".to_vec();
        data.extend(record("response", "http://a.example/2", &page("A man was shot and killed near the station on Monday evening, according to the county sheriff's office.")));
        let items: Vec<_> = WarcReader::new(&data[..], "x.warc", 1 << 20).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].as_ref().unwrap_err().0, 1);
        assert!(items[1].is_ok());
    }

    #[test]
    fn truncated_record_is_an_error() {
        let mut data = record("response", "http://a.example/3", &page("text"));
        data.truncate(data.len() - 30);
        let items: Vec<_> = WarcReader::new(&data[..], "x.warc", 1 << 20).collect();
        assert!(items[0].as_ref().unwrap_err().1.starts_with("truncated"));
    }

    #[test]
    fn compressed_bodies_are_bounded_by_the_record_limit() {
        // An out-of-memory in the warc fuzz target: a 1 MiB record of gzip inflated to 1 GiB.
        use std::io::Write;
        let gzip = |data: &[u8]| {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            enc.write_all(data).unwrap();
            enc.finish().unwrap()
        };
        let warc = |body: &[u8]| {
            let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
            http.extend_from_slice(body);
            let mut data =
                format!("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {}\r\n\r\n", http.len()).into_bytes();
            data.extend(http);
            data
        };
        let bomb = warc(&gzip(&vec![b' '; 1 << 20]));
        let items: Vec<_> = WarcReader::new(&bomb[..], "x.warc", 64 << 10).collect();
        assert_eq!(items.len(), 1);
        assert!(items[0].as_ref().unwrap_err().1.contains("over the limit of 65536 bytes"), "{:?}", items[0]);
        let page = warc(&gzip(page("A truck hit a wall on Monday, police said.").as_bytes()));
        let items: Vec<_> = WarcReader::new(&page[..], "x.warc", 64 << 10).collect();
        assert!(items[0].as_ref().unwrap().text.contains("truck"));
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").unwrap(), b"Wikipedia");
        assert_eq!(dechunk(b"zz\r\n"), None);
    }
}

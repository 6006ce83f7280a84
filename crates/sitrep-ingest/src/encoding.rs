//! Bytes → text: a BOM, a declared charset (HTTP header or HTML `<meta>`), valid UTF-8, or else
//! a guess by chardetng (windows-1252 for Western pages, windows-1256 for Arabic ones, …).

use encoding_rs::Encoding;

/// Decodes `bytes`, preferring in order: a BOM, `declared` (from an HTTP header), a `<meta
/// charset>` in the first bytes when `html`, UTF-8 when the bytes are valid UTF-8, a detector's
/// guess (with the URL's top-level domain as a hint). Returns the text and the encoding's name.
pub fn decode(bytes: &[u8], declared: Option<&str>, html: bool, tld: Option<&str>) -> (String, &'static str) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc.name());
    }
    let declared = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| if html { meta_charset(bytes) } else { None });
    if let Ok(text) = std::str::from_utf8(bytes) {
        // Valid UTF-8 wins over a declaration: pages often keep a stale `<meta charset>`.
        return (text.to_owned(), "UTF-8");
    }
    let enc = declared.unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(tld.map(str::as_bytes), chardetng::Utf8Detection::Allow)
    });
    let (text, _, _) = enc.decode(bytes);
    (text.into_owned(), enc.name())
}

/// The charset declared by `<meta charset=…>` or `<meta http-equiv=content-type content=…>`.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"charset=") {
        let start = from + i + b"charset=".len();
        let rest = &lower[start..];
        let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
        let end =
            rest.iter().position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')).unwrap_or(rest.len());
        if let Some(enc) = Encoding::for_label(&rest[..end]) {
            return Some(enc);
        }
        from = start;
    }
    None
}

/// The top-level domain of a URL ("https://www.example.fr/a" → "fr"), a hint for detection.
pub fn url_tld(url: &str) -> Option<&str> {
    let host = url.split("://").nth(1)?.split(['/', ':', '?', '#']).next()?;
    host.rsplit('.').next().filter(|t| t.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("The caf\u{e9}’s owner said “no one was hurt”.");
        let (text, name) = decode(&bytes, None, false, None);
        assert_eq!(name, "windows-1252");
        assert!(text.contains("caf\u{e9}’s"));
    }

    #[test]
    fn meta_charset_is_honoured_for_arabic() {
        let body =
            "<html><head><meta charset=\"windows-1256\"></head><body><p>قتل ثلاثة أشخاص في انفجار</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(body);
        let (text, name) = decode(&bytes, None, true, None);
        assert_eq!(name, "windows-1256");
        assert!(text.contains("قتل ثلاثة أشخاص"));
    }

    #[test]
    fn tld_is_read_from_a_url() {
        assert_eq!(url_tld("https://www.example.fr/a/b"), Some("fr"));
        assert_eq!(url_tld("not a url"), None);
    }
}

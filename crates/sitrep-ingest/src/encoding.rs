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
        // chardetng panics on a domain label that is not lowercase ASCII without periods; a
        // URL's host may be written in any case ("http://Example.FR/"), and is not checked.
        let tld = tld.map(str::to_ascii_lowercase).filter(|t| !t.is_empty() && t.is_ascii() && !t.contains('.'));
        detector.guess(tld.as_deref().map(str::as_bytes), chardetng::Utf8Detection::Allow)
    });
    let (text, _, _) = enc.decode(bytes);
    (text.into_owned(), enc.name())
}

/// Decodes an XML document, preferring in order: a BOM, UTF-16 recognised by its first `<?`,
/// the encoding its `<?xml … encoding="…"?>` declaration names, UTF-8 when the bytes are valid
/// UTF-8, a detector's guess. Returns the text (without BOM) and the encoding's name.
pub fn decode_xml(bytes: &[u8]) -> (String, &'static str) {
    if Encoding::for_bom(bytes).is_none() {
        let utf16 = if bytes.starts_with(&[0, b'<', 0, b'?']) {
            Some(encoding_rs::UTF_16BE)
        } else if bytes.starts_with(&[b'<', 0, b'?', 0]) {
            Some(encoding_rs::UTF_16LE)
        } else {
            None
        };
        if let Some(enc) = utf16 {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            return (text.into_owned(), enc.name());
        }
    }
    let declared = xml_declared_encoding(bytes)
        // A UTF-16 declaration in bytes that are not UTF-16 is wrong; so is the "replacement" encoding.
        .filter(|label| Encoding::for_label(label.as_bytes()).is_some_and(|e| e.output_encoding() == e));
    decode(bytes, declared.as_deref(), false, None)
}

/// The `encoding` of an XML declaration at the start of `bytes` (after a BOM and whitespace).
fn xml_declared_encoding(bytes: &[u8]) -> Option<String> {
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = &start[start.iter().position(|b| !b.is_ascii_whitespace())?..];
    let declaration = start.strip_prefix(b"<?xml")?;
    let declaration = &declaration[..memchr::memmem::find(declaration, b"?>")?];
    let text = String::from_utf8_lossy(declaration);
    let value = text.split_once("encoding")?.1.trim_start().strip_prefix('=')?.trim_start();
    let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let value = &value[1..];
    Some(value[..value.find(quote)?].trim().to_owned())
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
    fn an_upper_case_tld_hint_is_lowercased_for_the_detector() {
        // Found by fuzzing: chardetng asserts that the hint is lowercase; this panicked.
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("Le caf\u{e9} a ferm\u{e9} ses portes.");
        let (text, _) = decode(&bytes, None, true, url_tld("http://t.exaImpe: text/html"));
        assert!(text.contains("caf\u{e9}"));
        for hint in ["FR", "", "co.uk", "\u{e9}t\u{e9}"] {
            decode(&bytes, None, false, Some(hint));
        }
    }

    #[test]
    fn xml_declarations_utf16_and_boms() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("<?xml version='1.0' encoding='windows-1252'?><rss>caf\u{e9}</rss>");
        assert_eq!(
            decode_xml(&bytes),
            ("<?xml version='1.0' encoding='windows-1252'?><rss>caf\u{e9}</rss>".into(), "windows-1252")
        );
        let utf16: Vec<u8> = "<?xml version=\"1.0\"?><rss/>".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode_xml(&utf16).0, "<?xml version=\"1.0\"?><rss/>");
        // A UTF-16 declaration on bytes that are not UTF-16 is not believed.
        assert_eq!(decode_xml(b"<?xml version=\"1.0\" encoding=\"utf-16\"?><rss/>").1, "UTF-8");
        assert_eq!(decode_xml(b"\xef\xbb\xbf<rss/>").0, "<rss/>");
    }

    #[test]
    fn tld_is_read_from_a_url() {
        assert_eq!(url_tld("https://www.example.fr/a/b"), Some("fr"));
        assert_eq!(url_tld("not a url"), None);
    }
}

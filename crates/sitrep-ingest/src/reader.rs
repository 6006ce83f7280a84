//! Byte streams: decompression by magic number, a peek at the first bytes for sniffing, and
//! line reading with a length limit so that a 2 GB line never lands in memory.

use std::io::{self, BufRead, BufReader, Chain, Cursor, Read};

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const XZ_MAGIC: &[u8] = &[0xfd, b'7', b'z', b'X', b'Z', 0x00];

/// How many bytes sniffing looks at.
pub const PEEK_BYTES: usize = 8192;

/// A stream whose first bytes have been read for sniffing and are served again.
pub type Peeked = BufReader<Chain<Cursor<Vec<u8>>, Deferred>>;

/// The rest of a stream after its head; an error met while reading the head (a truncated gzip
/// file) is raised here, after the bytes read before it have been served.
pub struct Deferred {
    error: Option<io::Error>,
    inner: Box<dyn Read>,
}

impl Read for Deferred {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.error.take() {
            Some(e) => Err(e),
            None => self.inner.read(buf),
        }
    }
}

/// Reads up to `PEEK_BYTES` and returns them with a reader that starts from the beginning again.
pub fn peek(mut inner: Box<dyn Read>) -> (Vec<u8>, Peeked) {
    let mut head = Vec::with_capacity(PEEK_BYTES);
    let error = (&mut inner).take(PEEK_BYTES as u64).read_to_end(&mut head).err();
    let rest = Deferred { error, inner };
    let reader = BufReader::with_capacity(1 << 16, Cursor::new(head.clone()).chain(rest));
    (head, reader)
}

/// Wraps `inner` in a decompressor when its first bytes say gzip or xz; says which it found.
pub fn decompress(inner: Box<dyn Read>) -> (Box<dyn Read>, Option<&'static str>) {
    let (head, reader) = peek(inner);
    if head.starts_with(GZIP_MAGIC) {
        // Multi-member: WARC.gz files are one gzip member per record.
        (Box::new(flate2::read::MultiGzDecoder::new(reader)), Some("gzip"))
    } else if head.starts_with(XZ_MAGIC) {
        (Box::new(xz2::read::XzDecoder::new_multi_decoder(reader)), Some("xz"))
    } else {
        (Box::new(reader), None)
    }
}

/// Why reading one line failed.
#[derive(Debug)]
pub enum LineError {
    /// The line was longer than the limit; it was skipped up to its end.
    TooLong {
        bytes: u64,
    },
    Io(io::Error),
}

/// Reads the next line (without its `\n`) into `buf`, at most `limit` bytes of it.
///
/// Returns `Ok(false)` at the end of the stream. A longer line is consumed to its end without
/// being kept, and reported as `TooLong`, so the next call reads the following line.
pub fn read_line_bounded<R: BufRead>(reader: &mut R, buf: &mut Vec<u8>, limit: usize) -> Result<bool, LineError> {
    buf.clear();
    let mut total: u64 = 0;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(LineError::Io(e)),
        };
        if available.is_empty() {
            if total == 0 {
                return Ok(false);
            }
            break;
        }
        let (chunk, found_newline) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        total += chunk.len() as u64;
        if !too_long && buf.len() + chunk.len() <= limit {
            buf.extend_from_slice(chunk);
        } else {
            too_long = true;
            buf.clear();
        }
        let consumed = chunk.len() + usize::from(found_newline);
        reader.consume(consumed);
        if found_newline {
            total += 1;
            break;
        }
    }
    if too_long {
        return Err(LineError::TooLong { bytes: total });
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(true)
}

/// Reads a whole stream, failing once it passes `limit` bytes.
pub fn read_bounded(reader: &mut dyn Read, limit: usize) -> Result<Vec<u8>, LineError> {
    let mut out = Vec::new();
    let read = reader.take(limit as u64 + 1).read_to_end(&mut out).map_err(LineError::Io)?;
    if read > limit {
        let rest = io::copy(reader, &mut io::sink()).unwrap_or(0);
        return Err(LineError::TooLong { bytes: read as u64 + rest });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_skipped_and_reading_goes_on() {
        let data = format!("short\n{}\nafter\r\n", "x".repeat(100));
        let mut reader = BufReader::with_capacity(16, data.as_bytes());
        let mut buf = Vec::new();
        assert!(read_line_bounded(&mut reader, &mut buf, 50).unwrap());
        assert_eq!(buf, b"short");
        assert!(matches!(read_line_bounded(&mut reader, &mut buf, 50), Err(LineError::TooLong { bytes: 101 })));
        assert!(read_line_bounded(&mut reader, &mut buf, 50).unwrap());
        assert_eq!(buf, b"after");
        assert!(!read_line_bounded(&mut reader, &mut buf, 50).unwrap());
    }

    #[test]
    fn gzip_is_recognised_by_its_magic() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"hello").unwrap();
        let gz = enc.finish().unwrap();
        let (mut r, kind) = decompress(Box::new(Cursor::new(gz)));
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        assert_eq!((s.as_str(), kind), ("hello", Some("gzip")));
    }
}

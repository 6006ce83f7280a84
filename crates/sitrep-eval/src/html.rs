//! Scores HTML main-text extraction on the Zyte/Scrapinghub article extraction
//! benchmark layout (`html/<id>.html.gz` pages plus `ground-truth.json` with an
//! `articleBody` per page id).
//!
//! The metric follows the benchmark's `evaluate.py`: texts become `\w+` tokens,
//! then overlapping 4-token shingles; per page, TP/FP/FN are counted over the
//! shingle multisets and normalised to sum to 1; precision (recall) is the mean
//! over the pages where `tp + fp > 0` (`tp + fn > 0`), and F1 is computed from
//! the two means. "Accuracy" is the share of pages whose token sequence equals
//! the gold one exactly.
//!
//! It deliberately does not compute the benchmark's bootstrap confidence
//! intervals, and it knows nothing about how the text was extracted.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Instant;

use regex::Regex;

/// One page's score.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlPageScore {
    /// Page id (file stem, key in `ground-truth.json`).
    pub id: String,
    /// Shingle precision on this page (0 when nothing was extracted; such a
    /// page is left out of the precision mean, as in the benchmark).
    pub precision: f64,
    /// Shingle recall on this page.
    pub recall: f64,
    /// Token sequences are identical.
    pub exact: bool,
}

/// Scores over the whole benchmark.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlScores {
    /// Per-page scores, in page id order.
    pub pages: Vec<HtmlPageScore>,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of pages whose token sequence equals the gold exactly.
    pub accuracy: f64,
    /// HTML bytes handed to the extractor (after decompression).
    pub bytes: u64,
    /// Time spent inside the extractor only.
    pub seconds: f64,
}

/// Why the benchmark could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum HtmlEvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not valid ground-truth JSON: {source}")]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("{path}: no ground truth for page {id}")]
    MissingGold { path: PathBuf, id: String },
    #[error("{path}: no pages found")]
    NoPages { path: PathBuf },
}

static TOKEN_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid regex"));

fn tokens(text: &str) -> Vec<&str> {
    TOKEN_RE.find_iter(text).map(|m| m.as_str()).collect()
}

/// Shingle multiset, as `evaluate.py::_ngrams`: a text shorter than 4 tokens
/// yields one shorter shingle, an empty text none.
fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    const N: usize = 4;
    let mut out = HashMap::new();
    let last = toks.len().saturating_sub(N) + 1;
    for i in 0..last.max(1) {
        let s = &toks[i.min(toks.len())..(i + N).min(toks.len())];
        if !s.is_empty() {
            *out.entry(s.to_vec()).or_insert(0) += 1;
        }
    }
    out
}

/// Normalised (tp, fp, fn) for one page, plus whether the tokens match exactly.
fn tp_fp_fn(extracted: &str, gold: &str) -> ((f64, f64, f64), bool) {
    let (pt, gt) = (tokens(extracted), tokens(gold));
    let (ps, gs) = (shingles(&pt), shingles(&gt));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &p) in &ps {
        let g = gs.get(k).copied().unwrap_or(0);
        tp += p.min(g) as f64;
        fp += p.saturating_sub(g) as f64;
    }
    for (k, &g) in &gs {
        fn_ += g.saturating_sub(ps.get(k).copied().unwrap_or(0)) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp, fp, fn_) = (tp / s, fp / s, fn_ / s);
    }
    ((tp, fp, fn_), pt == gt)
}

fn precision_of((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall_of((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

/// Precision, recall and exactness of one extracted text against its gold.
pub fn score_text(extracted: &str, gold: &str) -> (f64, f64, bool) {
    let (c, exact) = tp_fp_fn(extracted, gold);
    (precision_of(c), recall_of(c), exact)
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> HtmlEvalError + '_ {
    move |source| HtmlEvalError::Io { path: path.to_path_buf(), source }
}

/// Decodes page bytes: a charset declared in the first few KB wins (BOM first),
/// otherwise UTF-8 with replacement characters.
pub fn decode_html(bytes: &[u8]) -> String {
    static CHARSET_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)<meta[^>]*charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)"#).expect("valid regex")
    });
    let head = &bytes[..bytes.len().min(4096)];
    let declared = CHARSET_RE
        .captures(&String::from_utf8_lossy(head))
        .and_then(|c| encoding_rs::Encoding::for_label(c[1].as_bytes()));
    // Pages declaring UTF-16 in a meta tag are in fact ASCII-compatible.
    let enc = match declared {
        Some(e) if e.output_encoding() == encoding_rs::UTF_8 => encoding_rs::UTF_8,
        Some(e) => e,
        None => encoding_rs::UTF_8,
    };
    let (text, _, _) = enc.decode(bytes);
    text.into_owned()
}

/// Scores `extract` (page HTML → article text) on the benchmark folder
/// (`html/*.html.gz` + `ground-truth.json`).
pub fn score_html_benchmark(dir: &Path, extract: impl Fn(&str) -> String) -> Result<HtmlScores, HtmlEvalError> {
    let gt_path = dir.join("ground-truth.json");
    let gt_raw = std::fs::read(&gt_path).map_err(io_err(&gt_path))?;
    let gold: HashMap<String, serde_json::Value> =
        serde_json::from_slice(&gt_raw).map_err(|source| HtmlEvalError::Json { path: gt_path.clone(), source })?;

    let html_dir = dir.join("html");
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(&html_dir)
        .map_err(io_err(&html_dir))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let id = name.strip_suffix(".html.gz")?.to_string();
            Some((id, e.path()))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(HtmlEvalError::NoPages { path: html_dir });
    }

    let mut pages = Vec::with_capacity(files.len());
    let (mut p_sum, mut p_n, mut r_sum, mut r_n, mut exact_n) = (0.0, 0usize, 0.0, 0usize, 0usize);
    let (mut bytes, mut seconds) = (0u64, 0.0f64);
    for (id, path) in files {
        let gold_text = gold
            .get(&id)
            .ok_or_else(|| HtmlEvalError::MissingGold { path: gt_path.clone(), id: id.clone() })?
            .get("articleBody")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).map_err(io_err(&path))?)
            .read_to_end(&mut raw)
            .map_err(io_err(&path))?;
        let html = decode_html(&raw);
        bytes += raw.len() as u64;
        let t0 = Instant::now();
        let text = extract(&html);
        seconds += t0.elapsed().as_secs_f64();

        let (c, exact) = tp_fp_fn(&text, gold_text);
        let (precision, recall) = (precision_of(c), recall_of(c));
        // As in evaluate.py: a page counts toward precision only if something
        // was predicted or matched, toward recall only if there was gold.
        if c.0 + c.1 > 0.0 {
            p_sum += precision;
            p_n += 1;
        }
        if c.0 + c.2 > 0.0 {
            r_sum += recall;
            r_n += 1;
        }
        exact_n += exact as usize;
        pages.push(HtmlPageScore { id, precision, recall, exact });
    }
    let precision = if p_n > 0 { p_sum / p_n as f64 } else { 0.0 };
    let recall = if r_n > 0 { r_sum / r_n as f64 } else { 0.0 };
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    let accuracy = exact_n as f64 / pages.len() as f64;
    Ok(HtmlScores { pages, precision, recall, f1, accuracy, bytes, seconds })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_match() {
        let t = "The river rose by two metres overnight, officials said.";
        assert_eq!(score_text(t, t), (1.0, 1.0, true));
    }

    #[test]
    fn punctuation_and_spacing_do_not_matter() {
        let (p, r, exact) = score_text("one, two;  three\n\nfour five", "one two three four five");
        assert_eq!((p, r, exact), (1.0, 1.0, true));
    }

    #[test]
    fn disjoint_texts_score_zero() {
        let (p, r, exact) = score_text("alpha beta gamma delta", "one two three four");
        assert_eq!((p, r, exact), (0.0, 0.0, false));
    }

    #[test]
    fn extra_text_lowers_precision_only() {
        let gold = "a b c d e f";
        let (p, r, exact) = score_text("a b c d e f g h", gold);
        assert_eq!(r, 1.0);
        assert!((p - 3.0 / 5.0).abs() < 1e-9);
        assert!(!exact);
    }

    #[test]
    fn short_and_empty_texts() {
        // Fewer than 4 tokens: a single short shingle.
        assert_eq!(score_text("hello world", "hello world"), (1.0, 1.0, true));
        // Nothing extracted: precision 0 (and excluded from the mean), recall 0.
        assert_eq!(score_text("", "some gold text here"), (0.0, 0.0, false));
        // Both empty: perfect.
        assert_eq!(score_text("", ""), (1.0, 1.0, true));
    }

    #[test]
    fn decodes_declared_charset() {
        let bytes = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode_html(bytes).contains("café"));
        let utf8 = "<meta charset=utf-8><p>café</p>".as_bytes();
        assert!(decode_html(utf8).contains("café"));
    }
}

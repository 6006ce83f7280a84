//! Scores `sitrep_ingest::formats::html::extract` on the article extraction
//! benchmark folder: `cargo run --release -p sitrep-eval --example html_score -- DIR [DUMP_DIR]`.
//! With DUMP_DIR, each page's extracted text is written there as `<id>.txt`.

use std::path::PathBuf;

use sitrep_eval::html::score_html_benchmark;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: html_score DIR [DUMP_DIR]")?);
    let dump = args.next().map(PathBuf::from);
    if let Some(d) = &dump {
        std::fs::create_dir_all(d)?;
    }
    let scores = score_html_benchmark(&dir, |html| sitrep_ingest::formats::html::extract(html).text)?;
    if let Some(d) = &dump {
        // Second pass only for inspection; timing above is unaffected.
        for entry in std::fs::read_dir(dir.join("html"))? {
            let path = entry?.path();
            let Some(id) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".html.gz")) else {
                continue;
            };
            let mut raw = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(std::fs::File::open(&path)?), &mut raw)?;
            let text = sitrep_ingest::formats::html::extract(&sitrep_eval::html::decode_html(&raw)).text;
            std::fs::write(d.join(format!("{id}.txt")), text)?;
        }
    }
    let n = scores.pages.len();
    println!(
        "pages {n}  F1 {:.4}  precision {:.4}  recall {:.4}  accuracy {:.4}",
        scores.f1, scores.precision, scores.recall, scores.accuracy
    );
    println!(
        "{:.1} pages/s, {:.1} MB/s (extract only)",
        n as f64 / scores.seconds.max(1e-9),
        scores.bytes as f64 / 1e6 / scores.seconds.max(1e-9)
    );
    let mut worst: Vec<_> = scores.pages.iter().collect();
    let f1 = |p: f64, r: f64| {
        if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
    };
    worst.sort_by(|a, b| f1(a.precision, a.recall).total_cmp(&f1(b.precision, b.recall)));
    println!("worst pages:");
    for p in worst.iter().take(15) {
        println!("  {}  P {:.3}  R {:.3}", p.id, p.precision, p.recall);
    }
    Ok(())
}

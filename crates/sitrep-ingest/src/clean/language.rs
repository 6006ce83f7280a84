//! Language per paragraph (whatlang), as ISO 639-1 codes.
//!
//! The document's language is detected once, on a sample of the paragraphs in its main script;
//! a paragraph in that script takes it, and a paragraph in another script (an Arabic quote in an
//! English article) is detected on its own. Telling two languages of one script apart paragraph
//! by paragraph would cost a trigram model per paragraph — most of cleaning's time — for a case
//! news rarely has.
//!
//! Arabic script is decided among the languages that write it with a bias to Arabic: whatlang
//! takes short Arabic text for Persian or Urdu, and news in this domain is mostly Arabic.
//! Text too short or too mixed to tell gets `None`.

use sitrep_model::Paragraph;
use whatlang::{Detector, Lang, Script};

/// Fewer letters than this are not enough to tell a language.
const MIN_LETTERS: usize = 12;
/// Detection reads at most this many bytes of a paragraph: trigram statistics settle well
/// before, and whatlang's cost grows with length (it was 70% of cleaning time on whole texts).
const SAMPLE_BYTES: usize = 320;

/// The language of a piece of text, if it can be told.
pub fn detect(text: &str) -> Option<String> {
    let text = sample(text);
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    let script = whatlang::detect_script(text)?;
    if script == Script::Arabic {
        return Some(arabic_script_language(text).to_owned());
    }
    let info = news_languages().detect(text)?;
    (info.is_reliable() || letters >= 40).then(|| iso639_1(info.lang()).to_owned())
}

/// Labels every paragraph of `text` with its language and returns the document's language.
pub fn label(text: &str, paragraphs: &mut [Paragraph]) -> Option<String> {
    let scripts: Vec<Option<Script>> =
        paragraphs.iter().map(|p| whatlang::detect_script(sample(p.span.slice(text)))).collect();
    let mut weights: Vec<(Script, usize)> = Vec::new();
    for (p, script) in paragraphs.iter().zip(&scripts) {
        let Some(script) = script else { continue };
        match weights.iter_mut().find(|(s, _)| s == script) {
            Some((_, n)) => *n += p.span.len(),
            None => weights.push((*script, p.span.len())),
        }
    }
    let main = weights.iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s);
    let mut main_sample = String::new();
    for (p, script) in paragraphs.iter().zip(&scripts) {
        if *script == main && main_sample.len() < SAMPLE_BYTES {
            main_sample.push_str(p.span.slice(text));
            main_sample.push(' ');
        }
    }
    let document = detect(&main_sample);
    for (p, script) in paragraphs.iter_mut().zip(&scripts) {
        let para = p.span.slice(text);
        p.language = if script.is_some() && *script == main {
            let letters = para.chars().filter(|c| c.is_alphabetic()).count();
            document.clone().filter(|_| letters >= MIN_LETTERS)
        } else {
            detect(para)
        };
    }
    document
}

/// The start of `text`, cut at a word boundary near `SAMPLE_BYTES`.
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind(' ') {
        Some(space) if space > SAMPLE_BYTES / 2 => &text[..space],
        _ => &text[..end],
    }
}

/// Languages told apart in non-Arabic scripts: those of the outlets sitrep reads. Scoring only
/// these is several times faster than scoring all of whatlang's 69, and keeps rare languages from
/// winning on short text.
fn news_languages() -> &'static Detector {
    static DETECTOR: std::sync::OnceLock<Detector> = std::sync::OnceLock::new();
    DETECTOR.get_or_init(|| {
        Detector::with_allowlist(vec![
            Lang::Eng,
            Lang::Fra,
            Lang::Spa,
            Lang::Por,
            Lang::Deu,
            Lang::Ita,
            Lang::Nld,
            Lang::Tur,
            Lang::Ind,
            Lang::Pol,
            Lang::Swe,
            Lang::Rus,
            Lang::Ukr,
            Lang::Heb,
            Lang::Hin,
            Lang::Ben,
            Lang::Cmn,
            Lang::Jpn,
            Lang::Kor,
            Lang::Vie,
            Lang::Tha,
            Lang::Ell,
            Lang::Amh,
            Lang::Mya,
            Lang::Nep,
            Lang::Tam,
            Lang::Urd,
            Lang::Pes,
            Lang::Ara,
        ])
    })
}

fn arabic_script_language(text: &str) -> &'static str {
    let detector = Detector::with_allowlist(vec![Lang::Ara, Lang::Pes, Lang::Urd]);
    match detector.detect(text) {
        // Only a confident call overrides the Arabic default.
        Some(info) if info.lang() == Lang::Pes && info.confidence() > 0.9 => "fa",
        Some(info) if info.lang() == Lang::Urd && info.confidence() > 0.9 => "ur",
        _ => "ar",
    }
}

fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Ara => "ar",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Deu => "de",
        Lang::Ita => "it",
        Lang::Nld => "nl",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Tur => "tr",
        Lang::Pes => "fa",
        Lang::Urd => "ur",
        Lang::Hin => "hi",
        Lang::Ben => "bn",
        Lang::Heb => "he",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Ind => "id",
        Lang::Vie => "vi",
        Lang::Tha => "th",
        Lang::Pol => "pl",
        Lang::Swe => "sv",
        Lang::Ell => "el",
        Lang::Amh => "am",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Tam => "ta",
        // Others keep whatlang's three-letter code rather than a wrong two-letter one.
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::detect;
    use sitrep_model::Paragraph;

    #[test]
    fn english_and_arabic() {
        assert_eq!(detect("Two people were killed when gunmen opened fire on a bus.").as_deref(), Some("en"));
        assert_eq!(detect("قتل شخصان عندما فتح مسلحون النار على حافلة في المدينة").as_deref(), Some("ar"));
    }

    #[test]
    fn long_paragraphs_are_sampled() {
        let long = "Police said the two men were arrested after a chase through the old town. ".repeat(40);
        assert_eq!(detect(&long).as_deref(), Some("en"));
        assert!(super::sample(&long).len() <= super::SAMPLE_BYTES);
    }

    #[test]
    fn paragraphs_in_another_script_are_told_apart() {
        let text = "Two people were killed when gunmen opened fire on a bus near the border.\n\nقتل شخصان عندما فتح مسلحون النار على حافلة في المدينة\n\nPolice said the attackers fled.";
        let mut start = 0;
        let mut paragraphs = Vec::new();
        for para in text.split("\n\n") {
            paragraphs.push(Paragraph { span: sitrep_model::Span::new(start, start + para.len()), language: None });
            start += para.len() + 2;
        }
        assert_eq!(super::label(text, &mut paragraphs).as_deref(), Some("en"));
        let langs: Vec<_> = paragraphs.iter().map(|p| p.language.as_deref()).collect();
        assert_eq!(langs, vec![Some("en"), Some("ar"), Some("en")]);
    }

    #[test]
    fn too_short_to_tell() {
        assert_eq!(detect("OK 42"), None);
    }
}

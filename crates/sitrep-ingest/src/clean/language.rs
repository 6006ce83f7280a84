//! Language per paragraph (whatlang), as ISO 639-1 codes.
//!
//! Arabic script is decided among the languages that write it with a bias to Arabic: whatlang
//! takes short Arabic text for Persian or Urdu, and news in this domain is mostly Arabic.
//! Text too short or too mixed to tell gets `None`.

use whatlang::{Detector, Lang, Script};

/// Fewer letters than this are not enough to tell a language.
const MIN_LETTERS: usize = 12;

/// The language of a piece of text, if it can be told.
pub fn detect(text: &str) -> Option<String> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    let script = whatlang::detect_script(text)?;
    if script == Script::Arabic {
        return Some(arabic_script_language(text).to_owned());
    }
    let info = whatlang::detect(text)?;
    (info.is_reliable() || letters >= 40).then(|| iso639_1(info.lang()).to_owned())
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

    #[test]
    fn english_and_arabic() {
        assert_eq!(detect("Two people were killed when gunmen opened fire on a bus.").as_deref(), Some("en"));
        assert_eq!(detect("قتل شخصان عندما فتح مسلحون النار على حافلة في المدينة").as_deref(), Some("ar"));
    }

    #[test]
    fn too_short_to_tell() {
        assert_eq!(detect("OK 42"), None);
    }
}

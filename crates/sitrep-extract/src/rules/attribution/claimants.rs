//! Claimants normalised to the known sources of `lexicons/en/claimants.toml`.
//!
//! ## What it handles
//! A source named by one of its names or aliases, in any language the lexicon lists ("SOHR",
//! "Syrian Observatory", its Arabic name → "Syrian Observatory for Human Rights"), and a
//! description that refers back to a source named earlier in the article: "the Observatory"
//! (the last source whose name contains the word), "the monitor", "the organization", "the
//! agency" (the last source of a kind the description can mean).
//!
//! ## What it leaves alone
//! Sources the lexicon does not know keep the words the text used ("a security official",
//! "provincial police"); descriptions with nothing earlier to refer to stay as they are.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;
use sitrep_annotate::Annotations;
use sitrep_annotate::matcher::PhraseLexicon;

const LEXICON: &str = include_str!("../../../../../lexicons/en/claimants.toml");

#[derive(Deserialize)]
struct Source {
    name: String,
    kind: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    source: Vec<Source>,
    descriptions: HashMap<String, Vec<String>>,
}

struct Known {
    sources: Vec<Source>,
    descriptions: HashMap<String, Vec<String>>,
    /// Every name and alias, lowercased, to the source's index.
    by_name: HashMap<String, usize>,
    /// Every name and alias as its words, space-padded (" syrian observatory "), longest
    /// first, to find a name inside a longer claimant.
    padded: Vec<(String, usize)>,
    names: PhraseLexicon<usize>,
}

fn known() -> &'static Known {
    static K: OnceLock<Known> = OnceLock::new();
    K.get_or_init(|| {
        let file: File = toml::from_str(LEXICON).expect("lexicons/en/claimants.toml is valid");
        let mut by_name = HashMap::new();
        for (i, s) in file.source.iter().enumerate() {
            for name in std::iter::once(&s.name).chain(&s.aliases) {
                by_name.insert(name.to_lowercase(), i);
            }
        }
        // Phrases as the tokenizer splits them: "(SOHR)" is "(", "sohr", ")".
        let names = PhraseLexicon::new(by_name.iter().map(|(name, i)| (spaced(name), *i)));
        let mut padded: Vec<(String, usize)> =
            by_name.iter().map(|(name, i)| (format!(" {} ", words_of(name)), *i)).collect();
        padded.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Known { sources: file.source, descriptions: file.descriptions, by_name, padded, names }
    })
}

/// A name with its punctuation spaced out, as tokens.
fn spaced(name: &str) -> String {
    let tokens = sitrep_annotate::en::tokens::tokenize(name);
    tokens.iter().map(|t| t.span.slice(name).to_lowercase()).collect::<Vec<_>>().join(" ")
}

/// Where known sources are named in a text: (byte offset, source index), in text order.
pub fn mentions(a: &Annotations) -> Vec<(usize, usize)> {
    let k = known();
    k.names
        .find_all(&a.words)
        .into_iter()
        .filter(|m| a.tokens[m.start].span.slice(&a.text).chars().next().is_some_and(|c| !c.is_lowercase()))
        .map(|m| (a.tokens[m.start].span.start, *m.value))
        .collect()
}

/// The canonical name of a claimant found at byte `at`, given the sources named before it.
pub fn normalise(claimant: &str, at: usize, mentions: &[(usize, usize)]) -> String {
    let k = known();
    let lower = claimant.trim().to_lowercase();
    if let Some(&i) = k.by_name.get(&lower) {
        return k.sources[i].name.clone();
    }
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // A name inside the claimant: "the Syrian Observatory for Human Rights (SOHR)".
    let joined = format!(" {} ", words.join(" "));
    // The longest name inside, so that the choice does not depend on a hash map's order.
    if let Some((_, i)) = k.padded.iter().find(|(name, _)| joined.contains(name.as_str())) {
        return k.sources[*i].name.clone();
    }
    let Some(head) = words.last() else { return claimant.to_owned() };
    let Some(kinds) = k.descriptions.get(*head) else { return claimant.to_owned() };
    let earlier = mentions.iter().rev().filter(|(offset, _)| *offset < at).map(|(_, i)| &k.sources[*i]);
    // An indefinite description ("a war monitor said") may name its source later in the
    // text: the lead of a story often withholds the name until the next sentence.
    let later = mentions.iter().filter(|(offset, _)| *offset > at).map(|(_, i)| &k.sources[*i]);
    let indefinite = matches!(words.first(), Some(&"a") | Some(&"an")) || mentions.iter().all(|(o, _)| *o > at);
    let fits = |source: &&Source| source.name.to_lowercase().contains(*head) || kinds.contains(&source.kind);
    if let Some(source) = earlier.clone().find(fits).or_else(|| later.filter(|_| indefinite).take(3).find(fits)) {
        return source.name.clone();
    }
    claimant.to_owned()
}

fn words_of(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases() {
        assert_eq!(normalise("SOHR", 0, &[]), "Syrian Observatory for Human Rights");
        assert_eq!(normalise("المرصد السوري لحقوق الإنسان", 0, &[]), "Syrian Observatory for Human Rights");
        assert_eq!(
            normalise("the Syrian Observatory for Human Rights (SOHR)", 0, &[]),
            "Syrian Observatory for Human Rights"
        );
        assert_eq!(normalise("a security official", 0, &[]), "a security official");
    }

    #[test]
    fn descriptions_refer_back_to_a_source_named_before() {
        let text = "Fighting spread, Amnesty International said. Later the organization said four died.";
        let a = sitrep_annotate::annotate_text(text, None);
        let m = mentions(&a);
        assert_eq!(m.len(), 1);
        let at = text.find("Later").unwrap();
        assert_eq!(normalise("organization", at, &m), "Amnesty International");
        assert_eq!(normalise("organization", 0, &m), "Amnesty International", "named only after it");
        assert_eq!(normalise("monitor", at, &m), "Amnesty International");
    }

    #[test]
    fn an_indefinite_description_may_name_its_source_after_it() {
        let text = "Four died, a rights organization said. Amnesty International said the toll may rise.";
        let a = sitrep_annotate::annotate_text(text, None);
        let m = mentions(&a);
        assert_eq!(normalise("a rights organization", 0, &m), "Amnesty International");
        let text =
            "Amnesty International said five died. Four died, the organization said. Human Rights Watch said more.";
        let a = sitrep_annotate::annotate_text(text, None);
        let m = mentions(&a);
        let at = text.find("Four").unwrap();
        assert_eq!(normalise("the organization", at, &m), "Amnesty International", "back before forward");
    }
}

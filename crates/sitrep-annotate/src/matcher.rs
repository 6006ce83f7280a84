//! Phrase lexicons matched over tokens: the longest entry starting at each token, left to
//! right, without overlaps. Matching is case-insensitive; inflection is handled when a lexicon
//! is loaded (`inflections`), so matching stays a hash lookup per token.
//!
//! Language-independent: a language pack gives the tokens and the lexicon files.

use rustc_hash::FxHashMap;

/// Entries keyed by their first word, each a word sequence with its value, longest first.
/// Keyed with FxHash: every token of every document is looked up, and SipHash's resistance
/// to chosen keys buys nothing for a lexicon fixed at build time.
pub struct PhraseLexicon<V> {
    by_first: FxHashMap<String, Vec<(Vec<String>, V)>>,
    /// A bit per `shape` of the first words: most tokens start no entry, and their shape's
    /// bit, three byte reads, tells so before any hashing.
    shapes: Box<[u64; SHAPE_WORDS]>,
}

const SHAPE_WORDS: usize = 64;

impl<V> Default for PhraseLexicon<V> {
    fn default() -> Self {
        PhraseLexicon::new(std::iter::empty())
    }
}

/// A cheap fingerprint of a word (first byte, last byte, length) in `0..SHAPE_WORDS * 64`.
fn shape(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (first, last) = (*bytes.first().unwrap_or(&0) as usize, *bytes.last().unwrap_or(&0) as usize);
    (first.wrapping_mul(31) ^ last.wrapping_mul(7) ^ bytes.len().wrapping_mul(131)) % (SHAPE_WORDS * 64)
}

/// A match: tokens `[start, end)` and the entry's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'v, V> {
    pub start: usize,
    pub end: usize,
    pub value: &'v V,
}

impl<V> PhraseLexicon<V> {
    pub fn new(entries: impl IntoIterator<Item = (String, V)>) -> Self {
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, V)>> = FxHashMap::default();
        for (phrase, value) in entries {
            let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push((words, value));
            }
        }
        let mut shapes = Box::new([0u64; SHAPE_WORDS]);
        for (first, list) in by_first.iter_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
            let bit = shape(first);
            shapes[bit / 64] |= 1 << (bit % 64);
        }
        PhraseLexicon { by_first, shapes }
    }

    /// The longest entry starting at token `at` of `words` (lowercased tokens).
    pub fn longest_at(&self, words: &[String], at: usize) -> Option<Match<'_, V>> {
        let word = words.get(at)?;
        let bit = shape(word);
        if self.shapes[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let candidates = self.by_first.get(word)?;
        candidates
            .iter()
            .find(|(phrase, _)| words.get(at..at + phrase.len()) == Some(phrase.as_slice()))
            .map(|(phrase, value)| Match { start: at, end: at + phrase.len(), value })
    }

    /// Whether some entry starts with the word `first` (lowercased).
    pub fn starts_with(&self, first: &str) -> bool {
        self.by_first.contains_key(first)
    }

    /// All matches, left to right, longest first, not overlapping.
    pub fn find_all(&self, words: &[String]) -> Vec<Match<'_, V>> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < words.len() {
            match self.longest_at(words, at) {
                Some(m) => {
                    at = m.end;
                    out.push(m);
                }
                None => at += 1,
            }
        }
        out
    }
}

/// Every form of a lexicon entry's word lists: nouns and verbs inflected, words as written.
pub fn forms<'a>(nouns: &'a [String], verbs: &'a [String], words: &'a [String]) -> impl Iterator<Item = String> + 'a {
    nouns
        .iter()
        .flat_map(|n| inflections(n, "noun"))
        .chain(verbs.iter().flat_map(|v| inflections(v, "verb")))
        .chain(words.iter().cloned())
}

/// The forms of an English lexicon entry: `kill` with kind `verb` gives kill, kills, killed,
/// killing; `soldier` with kind `noun` gives soldier, soldiers. Only the last word inflects
/// ("police officer" → "police officers"); irregular forms are listed in the lexicon itself.
pub fn inflections(entry: &str, kind: &str) -> Vec<String> {
    let (head, last) = match entry.rsplit_once(' ') {
        Some((head, last)) => (format!("{head} "), last),
        None => (String::new(), entry),
    };
    let forms: Vec<String> = match kind {
        "verb" => {
            let stem = last.strip_suffix('e').unwrap_or(last);
            let doubled = doubles_final_consonant(last);
            let past = if last.ends_with('e') {
                format!("{last}d")
            } else if let Some(y) = last.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
                format!("{y}ied")
            } else if doubled {
                format!("{last}{}ed", &last[last.len() - 1..])
            } else {
                format!("{last}ed")
            };
            let ing = if doubled { format!("{last}{}ing", &last[last.len() - 1..]) } else { format!("{stem}ing") };
            vec![last.to_owned(), plural(last), past, ing]
        }
        "noun" => vec![last.to_owned(), plural(last)],
        _ => vec![last.to_owned()],
    };
    let mut out: Vec<String> = forms.into_iter().map(|f| format!("{head}{f}")).collect();
    out.dedup();
    out
}

fn plural(word: &str) -> String {
    if word.ends_with(['s', 'x', 'z']) || word.ends_with("sh") || word.ends_with("ch") {
        format!("{word}es")
    } else if let Some(stem) = word.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        format!("{stem}ies")
    } else {
        format!("{word}s")
    }
}

/// Short verbs ending consonant-vowel-consonant double it: "shot" → "shotting" is not asked for,
/// but "stab" → "stabbed", "kidnap" → "kidnapped".
fn doubles_final_consonant(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let vowel = |c: char| "aeiou".contains(c);
    n >= 3
        && !vowel(chars[n - 1])
        && !matches!(chars[n - 1], 'w' | 'x' | 'y')
        && vowel(chars[n - 2])
        && !vowel(chars[n - 3])
        && (n <= 4 || word.ends_with("nap") || word.ends_with("mit") || word.ends_with("cur"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn the_shape_filter_never_hides_an_entry() {
        // Every entry of the real trigger lexicon, and words of the same shape that are not
        // entries ("kilned" has "killed"'s first byte, last byte and length).
        let triggers = crate::en::lexicons::triggers();
        for (phrase, _) in triggers.by_first.values().flatten() {
            assert!(triggers.longest_at(phrase, 0).is_some(), "{phrase:?}");
        }
        assert!(triggers.longest_at(&words("kilned"), 0).is_none());
        assert!(triggers.longest_at(&words(""), 0).is_none());
    }

    #[test]
    fn longest_entries_win_and_do_not_overlap() {
        let lexicon = PhraseLexicon::new([
            ("security".to_owned(), 1),
            ("security forces".to_owned(), 2),
            ("forces".to_owned(), 3),
        ]);
        let found: Vec<(usize, usize, i32)> = lexicon
            .find_all(&words("Syrian Security Forces and forces"))
            .iter()
            .map(|m| (m.start, m.end, *m.value))
            .collect();
        assert_eq!(found, vec![(1, 3, 2), (4, 5, 3)]);
    }

    #[test]
    fn english_inflections() {
        assert_eq!(inflections("kill", "verb"), vec!["kill", "kills", "killed", "killing"]);
        assert_eq!(inflections("wound", "verb"), vec!["wound", "wounds", "wounded", "wounding"]);
        assert_eq!(inflections("injure", "verb"), vec!["injure", "injures", "injured", "injuring"]);
        assert_eq!(inflections("stab", "verb"), vec!["stab", "stabs", "stabbed", "stabbing"]);
        assert_eq!(inflections("kidnap", "verb"), vec!["kidnap", "kidnaps", "kidnapped", "kidnapping"]);
        assert_eq!(inflections("police officer", "noun"), vec!["police officer", "police officers"]);
        assert_eq!(inflections("casualty", "noun"), vec!["casualty", "casualties"]);
        assert_eq!(inflections("clash", "noun"), vec!["clash", "clashes"]);
    }
}

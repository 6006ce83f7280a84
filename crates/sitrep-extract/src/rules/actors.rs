//! Actors: generic descriptions ("gunmen", "security forces", "protesters") mapped to typed
//! placeholders with ACLED's inter code, from `lexicons/en/actors.toml`. Their kinds (armed,
//! police, crowd) also decide event types (`reports::event_type`).
//!
//! Example: "Troops clashed with militants near the border" names Military forces (inter 1)
//! and Rebel group (inter 2). Not handled yet: canonical named actors with their country and
//! period, and who did what to whom (roles are by order of mention).

use std::sync::OnceLock;

use serde::Deserialize;
use sitrep_annotate::Annotations;
use sitrep_annotate::matcher::{PhraseLexicon, forms};
use sitrep_model::Actor;

const ACTORS: &str = include_str!("../../../../lexicons/en/actors.toml");

#[derive(Deserialize)]
struct Entry {
    name: String,
    inter: u8,
    kind: String,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    actor: Vec<Entry>,
}

/// A generic actor description: the placeholder it stands for and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Described {
    pub name: String,
    pub inter: u8,
    pub kind: String,
}

fn lexicon() -> &'static PhraseLexicon<Described> {
    static L: OnceLock<PhraseLexicon<Described>> = OnceLock::new();
    L.get_or_init(|| {
        let file: File = toml::from_str(ACTORS).expect("lexicons/en/actors.toml is valid");
        let mut entries = Vec::new();
        for e in file.actor {
            let value = Described { name: e.name, inter: e.inter, kind: e.kind };
            entries.extend(forms(&e.nouns, &[], &e.words).map(|f| (f, value.clone())));
        }
        PhraseLexicon::new(entries)
    })
}

/// The actor descriptions in tokens `[first, last)`, in text order.
pub fn described(a: &Annotations, first: usize, last: usize) -> Vec<Described> {
    let words = &a.words[..last];
    let mut out = Vec::new();
    let mut i = first;
    while i < last {
        match lexicon().longest_at(words, i) {
            Some(m) => {
                out.push(m.value.clone());
                i = m.end;
            }
            None => i += 1,
        }
    }
    out
}

/// The distinct actors of a report: the first two named are actor1 and actor2, the rest
/// associated.
pub fn actors(described: &[Described]) -> Vec<Actor> {
    let mut out: Vec<Actor> = Vec::new();
    for d in described {
        if out.iter().any(|a| a.name == d.name) {
            continue;
        }
        let role = match out.len() {
            0 => "actor1",
            1 => "actor2",
            _ => "associated",
        };
        out.push(Actor { name: d.name.clone(), role: role.to_owned(), inter: d.inter });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_become_typed_placeholders() {
        let a =
            sitrep_annotate::annotate_text("Troops clashed with militants while police dispersed protesters.", None);
        let d = described(&a, 0, a.tokens.len());
        let kinds: Vec<&str> = d.iter().map(|d| d.kind.as_str()).collect();
        assert_eq!(kinds, vec!["armed", "armed", "police", "crowd"]);
        let actors = actors(&d);
        assert_eq!((actors[0].name.as_str(), actors[0].inter), ("Military forces", 1));
        assert_eq!((actors[1].name.as_str(), actors[1].role.as_str()), ("Rebel group", "actor2"));
    }
}

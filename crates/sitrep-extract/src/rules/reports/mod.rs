//! Reports: the incidents a document tells, one `Report` each, built from the sentences that
//! carry a trigger or a casualty claim.
//!
//! 1. `frames` cuts the text into frames: a sentence, or two when it introduces an earlier
//!    incident inside it ("the crackdown began on Tuesday following an ambush that killed two
//!    officers"); each frame holds its triggers (minus those `irrealis` rules out), claims,
//!    places and dates, and what `anaphora` says of it (refers back, starts another incident).
//! 2. `grouping` walks the frames in order and puts each into the current report, an earlier
//!    one it clearly continues, or a new one; running totals go to the document's aggregate.
//! 3. `event_type` types each report by ACLED's hierarchy; `parts` links an itemised list to
//!    the total it breaks down; `headline` gives the main incident the headline's day and place
//!    when the text leaves them out.

pub mod anaphora;
pub mod event_type;
pub mod frames;
pub mod grouping;
pub mod headline;
pub mod irrealis;
pub mod parts;

use std::sync::OnceLock;

use serde::Deserialize;
use sitrep_annotate::matcher::PhraseLexicon;

const DISCOURSE: &str = include_str!("../../../../../lexicons/en/discourse.toml");

#[derive(Deserialize)]
struct DiscourseFile {
    event_nouns: Vec<String>,
    definite: Vec<String>,
    new_incident: Vec<String>,
    another: Vec<String>,
    another_heads: Vec<String>,
    auxiliaries: Vec<String>,
    irrealis: Vec<String>,
    prior: Vec<String>,
    proceedings: Vec<String>,
    about: Vec<String>,
    deaths: Vec<String>,
}

/// The discourse lexicon (`lexicons/en/discourse.toml`) as phrase lexicons.
pub struct Discourse {
    pub event_nouns: PhraseLexicon<()>,
    pub definite: PhraseLexicon<()>,
    pub new_incident: PhraseLexicon<()>,
    pub another: PhraseLexicon<()>,
    pub another_heads: PhraseLexicon<()>,
    pub auxiliaries: std::collections::HashSet<String>,
    pub irrealis: PhraseLexicon<()>,
    pub prior: PhraseLexicon<()>,
    pub proceedings: PhraseLexicon<()>,
    pub about: PhraseLexicon<()>,
    pub deaths: PhraseLexicon<()>,
}

pub fn discourse() -> &'static Discourse {
    static D: OnceLock<Discourse> = OnceLock::new();
    D.get_or_init(|| {
        let file: DiscourseFile = toml::from_str(DISCOURSE).expect("lexicons/en/discourse.toml is valid");
        let lexicon = |words: Vec<String>| PhraseLexicon::new(words.into_iter().map(|w| (w, ())));
        Discourse {
            event_nouns: lexicon(file.event_nouns),
            definite: lexicon(file.definite),
            new_incident: lexicon(file.new_incident),
            another: lexicon(file.another),
            another_heads: lexicon(file.another_heads),
            auxiliaries: file.auxiliaries.into_iter().collect(),
            irrealis: lexicon(file.irrealis),
            prior: lexicon(file.prior),
            proceedings: lexicon(file.proceedings),
            about: lexicon(file.about),
            deaths: lexicon(file.deaths),
        }
    })
}

/// True when a phrase of `lexicon` occurs within tokens `[from, to)`.
pub fn occurs(lexicon: &PhraseLexicon<()>, words: &[String], from: usize, to: usize) -> bool {
    (from..to).any(|i| lexicon.longest_at(&words[..to], i).is_some())
}

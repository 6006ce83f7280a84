//! The English lexicons of triggers and victims, loaded once from `lexicons/en/` (embedded at
//! build time) into phrase lexicons, and the layers they annotate.
//!
//! Triggers give ACLED's event type and sub-event type; victim words give the victim category
//! and tags. What a trigger or a victim word means in its sentence (negated, hypothetical, the
//! subject or the object of a killing) is the extract stage's job.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::matcher::{PhraseLexicon, forms, inflections};

const TRIGGERS: &str = include_str!("../../../../lexicons/en/triggers.toml");
const VICTIMS: &str = include_str!("../../../../lexicons/en/victims.toml");
const CASUALTIES: &str = include_str!("../../../../lexicons/en/casualties.toml");
const COUNTRY_CUES: &str = include_str!("../../../../lexicons/en/country_cues.toml");
const NOT_PERSON_NAMES: &str = include_str!("../../../../lexicons/en/not_person_names.txt");
const COUNTRIES: &str = include_str!("../../../../lexicons/geo/countries.toml");

#[derive(Deserialize)]
struct CountryCueFile {
    cues: std::collections::BTreeMap<String, Vec<String>>,
}

/// Words of one country's institutions and law ("sheriff's office": US) → its ISO code.
pub fn country_cues() -> &'static PhraseLexicon<String> {
    static L: OnceLock<PhraseLexicon<String>> = OnceLock::new();
    L.get_or_init(|| {
        let file: CountryCueFile = toml::from_str(COUNTRY_CUES).expect("lexicons/en/country_cues.toml is valid");
        PhraseLexicon::new(
            file.cues.into_iter().flat_map(|(iso2, words)| words.into_iter().map(move |w| (w, iso2.clone()))),
        )
    })
}

/// A country's demonyms (`lexicons/geo/countries.toml`).
#[derive(Deserialize)]
struct Country {
    #[serde(default)]
    demonyms: Vec<String>,
}

/// The names of a country's people ("Indian", "Pakistanis") → its ISO code: weaker than its
/// institutions' words, since news names people by their origin anywhere ("a Chinese
/// restaurant in Philadelphia").
pub fn demonyms() -> &'static PhraseLexicon<String> {
    static L: OnceLock<PhraseLexicon<String>> = OnceLock::new();
    L.get_or_init(|| {
        let countries: BTreeMap<String, Country> =
            toml::from_str(COUNTRIES).expect("lexicons/geo/countries.toml is valid");
        PhraseLexicon::new(
            countries
                .into_iter()
                .flat_map(|(iso2, c)| c.demonyms.into_iter().map(move |d| (d.to_lowercase(), iso2.clone()))),
        )
    })
}

/// What a trigger signals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub event_type: String,
    pub sub_event_type: String,
    /// Empty, or `clash`, `weak`, `incendiary`: see `lexicons/en/triggers.toml`.
    pub role: String,
}

/// What a victim word says about the people counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Victim {
    /// `state_forces`, `armed_group`, `civilians`, `all`.
    pub category: String,
    pub tags: Vec<String>,
}

/// What a casualty cue says happened to the people counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// `killed`, `injured`, `captured`, `arrested`, `missing`, `combined`, `ambiguous`.
    pub kind: String,
}

#[derive(Deserialize)]
struct CueEntry {
    kind: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
struct Aggregate {
    words: Vec<String>,
    reaching: Vec<String>,
    regions: Vec<String>,
    dated_by: Vec<String>,
    dated_after: Vec<String>,
    incidents: Vec<String>,
    period_words: Vec<String>,
    period_units: Vec<String>,
}

#[derive(Deserialize)]
struct CueFile {
    cue: Vec<CueEntry>,
    aggregate: Aggregate,
    process: Vec<String>,
    spared: Vec<String>,
    wounds: Vec<String>,
    participles: Vec<String>,
    experiencer: Vec<String>,
    attempt: Vec<String>,
    nouns_of: std::collections::BTreeMap<String, String>,
    murder_suicide: Vec<String>,
    deadly: Vec<String>,
    multiple: Multiple,
    hit_verbs: Vec<String>,
    body_parts: Vec<String>,
    sent_verbs: Vec<String>,
    hospitals: Vec<String>,
    share_openers: Vec<String>,
    carried: Vec<String>,
    anyone_pronouns: Vec<String>,
    own_deaths: Vec<String>,
    age_abbreviations: Vec<String>,
    share_adverbs: Vec<String>,
}

/// Incidents named by how many they hit ("double shooting").
#[derive(Deserialize)]
pub struct Multiple {
    /// "double" → 2. (FxHash: looked up for every token.)
    pub multipliers: rustc_hash::FxHashMap<String, u32>,
    /// "shooting" → the claim's kind ("shot").
    pub nouns: rustc_hash::FxHashMap<String, String>,
}

fn cue_file() -> &'static CueFile {
    static F: OnceLock<CueFile> = OnceLock::new();
    F.get_or_init(|| toml::from_str(CASUALTIES).expect("lexicons/en/casualties.toml is valid"))
}

/// Casualty cues ("killed", "deaths", "wounded", "killed or wounded", "casualties").
pub fn cues() -> &'static PhraseLexicon<Cue> {
    static L: OnceLock<PhraseLexicon<Cue>> = OnceLock::new();
    L.get_or_init(|| {
        PhraseLexicon::new(
            cue_file().cue.iter().flat_map(|c| c.words.iter().map(|w| (w.clone(), Cue { kind: c.kind.clone() }))),
        )
    })
}

/// Words that make a period after them a date, not a tally ("earlier this month").
pub fn dated_by() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.aggregate.dated_by)
}

/// Words that make a period before them a point in time ("a year earlier").
pub fn dated_after() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.aggregate.dated_after)
}

/// Incidents in the plural ("shootings"): counted, several incidents.
pub fn plural_incidents() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.aggregate.incidents)
}

/// Prepositions that open a stretch of time ("in", "over", "within").
pub fn period_words() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.aggregate.period_words)
}

/// Units of a stretch of time, plural ("hours", "days"): "in about ten hours" is a tally's period.
pub fn period_units() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.aggregate.period_units)
}

/// Stretches of land that make a figure region-wide after "on the" ("on the Syrian coast").
pub fn aggregate_regions() -> &'static PhraseLexicon<()> {
    static L: OnceLock<PhraseLexicon<()>> = OnceLock::new();
    L.get_or_init(|| PhraseLexicon::new(cue_file().aggregate.regions.iter().map(|w| (w.clone(), ()))))
}

type WordSet = rustc_hash::FxHashSet<String>;

/// A word list of the casualty lexicon as a set, built once into `cell`.
fn word_set(cell: &'static OnceLock<WordSet>, list: fn(&'static CueFile) -> &'static Vec<String>) -> &'static WordSet {
    cell.get_or_init(|| list(cue_file()).iter().cloned().collect())
}

/// A phrase list of the cue file, matched as phrases.
fn phrase_set(
    cell: &'static OnceLock<PhraseLexicon<()>>,
    list: fn(&'static CueFile) -> &'static Vec<String>,
) -> &'static PhraseLexicon<()> {
    cell.get_or_init(|| PhraseLexicon::new(list(cue_file()).iter().map(|w| (w.clone(), ()))))
}

/// Verbs of hitting a person ("striking", "hit"): a cue only before a body part (`en/hits.rs`).
pub fn hit_verbs() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.hit_verbs)
}

/// Parts of the body a person is hit in ("the leg", "his lower back").
pub fn body_parts() -> &'static PhraseLexicon<()> {
    static L: OnceLock<PhraseLexicon<()>> = OnceLock::new();
    phrase_set(&L, |f| &f.body_parts)
}

/// Verbs of the legal process ("charged", "indicted"): their subject is the suspects.
pub fn legal_process() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.process)
}

/// Predicates of people spared ("survived", "escaped"): their subject is not the victims.
pub fn spared() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.spared)
}

/// Abbreviations of "years old" after a number, as its tokens join ("yo", "y/o").
pub fn age_abbreviations() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.age_abbreviations)
}

/// Nouns counted per body, not per person ("two gunshot wounds", "multiple stab wounds").
pub fn wounds() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.wounds)
}

/// Verbs that send people to hospital ("the shooting sent three people to the hospital").
pub fn sent_verbs() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.sent_verbs)
}

/// Words opening a share of the wounded who died ("including", "among").
pub fn share_openers() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.share_openers)
}

/// Adverbs after a share's count that make it dead ("two fatally").
pub fn share_adverbs() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.share_adverbs)
}

/// Words for a hospital ("the hospital", "a trauma center").
pub fn hospitals() -> &'static PhraseLexicon<()> {
    static L: OnceLock<PhraseLexicon<()>> = OnceLock::new();
    phrase_set(&L, |f| &f.hospitals)
}

/// Casualty words that are past participles without "-ed" ("shot", "hurt", "slain"): a
/// headline uses them as passives ("Teen shot in Marlow").
pub fn participles() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.participles)
}

/// Words of an attempt or intent before a verb of killing ("trying to", "plotted to").
pub fn attempt() -> &'static PhraseLexicon<()> {
    static L: OnceLock<PhraseLexicon<()>> = OnceLock::new();
    phrase_set(&L, |f| &f.attempt)
}

/// Nouns of what befell one person, read only before "of" and a person ("the fatal shooting
/// of a woman" → killed, "the shooting of a girl" → shot), with the claim's kind.
pub fn nouns_of() -> &'static PhraseLexicon<String> {
    static L: OnceLock<PhraseLexicon<String>> = OnceLock::new();
    L.get_or_init(|| PhraseLexicon::new(cue_file().nouns_of.iter().map(|(w, kind)| (w.clone(), kind.clone()))))
}

/// An incident that says it killed ("a fatal shooting").
pub fn deadly() -> &'static PhraseLexicon<()> {
    static L: OnceLock<PhraseLexicon<()>> = OnceLock::new();
    L.get_or_init(|| PhraseLexicon::new(cue_file().deadly.iter().map(|w| (w.clone(), ()))))
}

/// A death told as the doer's own ("took his own life", "committed suicide").
pub fn own_deaths() -> &'static PhraseLexicon<()> {
    static L: OnceLock<PhraseLexicon<()>> = OnceLock::new();
    phrase_set(&L, |f| &f.own_deaths)
}

/// An incident that names its dead ("murder-suicide").
pub fn murder_suicide() -> &'static PhraseLexicon<()> {
    static L: OnceLock<PhraseLexicon<()>> = OnceLock::new();
    L.get_or_init(|| PhraseLexicon::new(cue_file().murder_suicide.iter().map(|w| (w.clone(), ()))))
}

/// Incidents named by how many they hit: "double shooting" (2 shot), "triple homicide".
pub fn multiple() -> &'static Multiple {
    &cue_file().multiple
}

/// Verbs of being carried to care or arriving there ("taken", "rushed", "arrived"): a wound
/// after "with" in their clause is their subject's.
pub fn carried() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.carried)
}

/// Pronouns of anyone ("anybody", "someone"): as a verb's object, its subject is the agent.
pub fn anyone_pronouns() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.anyone_pronouns)
}

/// Verbs whose subject is the one hurt ("suffered a gunshot wound").
pub fn experiencer() -> &'static WordSet {
    static L: OnceLock<WordSet> = OnceLock::new();
    word_set(&L, |f| &f.experiencer)
}

/// Words that make a figure a running total or a tally ("death toll", "so far", "since").
pub fn aggregate_hints() -> &'static PhraseLexicon<()> {
    static L: OnceLock<PhraseLexicon<()>> = OnceLock::new();
    L.get_or_init(|| PhraseLexicon::new(cue_file().aggregate.words.iter().map(|w| (w.clone(), ()))))
}

/// Verbs of a total reaching a figure ("rose to", "exceeded"): a tally with the figure after.
pub fn aggregate_reaching() -> &'static PhraseLexicon<()> {
    static L: OnceLock<PhraseLexicon<()>> = OnceLock::new();
    L.get_or_init(|| PhraseLexicon::new(cue_file().aggregate.reaching.iter().map(|w| (w.clone(), ()))))
}

#[derive(Deserialize)]
struct TriggerEntry {
    event_type: String,
    sub_event_type: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
}

#[derive(Deserialize)]
struct TriggerFile {
    trigger: Vec<TriggerEntry>,
}

#[derive(Deserialize)]
struct VictimFile {
    categories: BTreeMap<String, Vec<String>>,
    tags: BTreeMap<String, Vec<String>>,
}

pub fn triggers() -> &'static PhraseLexicon<Trigger> {
    static L: OnceLock<PhraseLexicon<Trigger>> = OnceLock::new();
    L.get_or_init(|| {
        let file: TriggerFile = toml::from_str(TRIGGERS).expect("lexicons/en/triggers.toml is valid");
        let mut entries = Vec::new();
        for t in file.trigger {
            let value = Trigger { event_type: t.event_type, sub_event_type: t.sub_event_type, role: t.role };
            let forms = forms(&t.nouns, &t.verbs, &t.words);
            entries.extend(forms.map(|f| (f, value.clone())));
        }
        PhraseLexicon::new(entries)
    })
}

pub fn victims() -> &'static PhraseLexicon<Victim> {
    static L: OnceLock<PhraseLexicon<Victim>> = OnceLock::new();
    L.get_or_init(|| {
        let file: VictimFile = toml::from_str(VICTIMS).expect("lexicons/en/victims.toml is valid");
        let tags_of = |form: &str| -> Vec<String> {
            file.tags
                .iter()
                .filter(|(_, words)| words.iter().any(|w| inflections(w, "noun").iter().any(|f| f == form)))
                .map(|(tag, _)| tag.clone())
                .collect()
        };
        let mut entries = Vec::new();
        for (category, words) in &file.categories {
            for form in words.iter().flat_map(|w| inflections(w, "noun")) {
                let victim = Victim { category: category.clone(), tags: tags_of(&form) };
                entries.push((form, victim));
            }
        }
        PhraseLexicon::new(entries)
    })
}

/// Capitalised words that make a run of capitalised words no person's name: institutions,
/// titles, places' feature words ("Police Department", "Main Street", "Rain High School";
/// `lexicons/en/not_person_names.txt`), lowercase.
pub fn not_person_names() -> &'static std::collections::HashSet<&'static str> {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        NOT_PERSON_NAMES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn words_of_one_country_s_institutions_name_it() {
        let cues = |text: &str| -> Vec<String> {
            crate::annotate_text(text, None).country_cues.into_iter().map(|c| c.value).collect()
        };
        assert_eq!(cues("Cadres of the CPN-UML clashed at a VDC office."), ["NP", "NP"]);
        assert_eq!(cues("BJP workers protested outside the Lok Sabha."), ["IN", "IN"]);
        assert_eq!(cues("Tatmadaw troops clashed with the TNLA."), ["MM", "MM"]);
        assert_eq!(cues("Jubo League activists torched a bus in the upazila."), ["BD", "BD"]);
    }

    #[test]
    fn triggers_map_to_acled_types() {
        let w = words("gunmen ambushed a convoy and a roadside bomb exploded before clashes and airstrikes");
        let found: Vec<&str> = triggers().find_all(&w).iter().map(|m| m.value.sub_event_type.as_str()).collect();
        assert_eq!(
            found,
            vec![
                "Armed clash",
                "Remote explosive/landmine/IED",
                "Remote explosive/landmine/IED",
                "Armed clash",
                "Air/drone strike"
            ]
        );
        // Gunfire that breaks out is an attack; an exchange of it a battle.
        let typed = |text: &str| {
            triggers().find_all(&words(text)).iter().map(|m| m.value.sub_event_type.clone()).collect::<Vec<_>>()
        };
        assert_eq!(typed("gunfire erupted in a neighbourhood"), ["Attack"]);
        assert_eq!(typed("an exchange of gunfire"), ["Armed clash"]);
        // A killing told by how it was done: "<how> to death".
        assert_eq!(typed("he was chopped to death"), ["Attack"]);
        assert_eq!(typed("she was strangled to death"), ["Attack"]);
    }

    #[test]
    fn victims_have_categories_and_tags() {
        let w = words("16 security personnel 28 fighters four civilians two children three police officers");
        let found: Vec<(String, Vec<String>)> =
            victims().find_all(&w).iter().map(|m| (m.value.category.clone(), m.value.tags.clone())).collect();
        assert_eq!(found[0].0, "state_forces");
        assert_eq!(found[1].0, "armed_group");
        assert_eq!(found[2].0, "civilians");
        assert_eq!(found[3], ("civilians".to_owned(), vec!["children".to_owned()]));
        assert_eq!(found[4].0, "state_forces");
    }
}

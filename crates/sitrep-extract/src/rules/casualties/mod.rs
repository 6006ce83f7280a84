//! Casualty claims: each count of people killed, injured, captured, arrested or missing,
//! with its kind, qualifier, victim category and whether it is a running total.
//!
//! The rules run in order for every count in a sentence; the first that ties the count to a
//! casualty cue wins:
//! 1. `cue_then_count`: the cue governs the count right after it ("killed 16 soldiers",
//!    "the death of one officer", "injuries to two others", "the death toll rose to 48");
//! 2. `count_then_cue`: the count is the subject or head of the cue after it ("48 deaths",
//!    "more than 70 people dead", "28 fighters and four civilians also died");
//! 3. `cue_before_loosely`: a cue shortly before in the same clause ("casualties included 28");
//! 4. `sent_to_hospital`: a count sent to hospital is injured ("sent three people to the hospital").
//!
//! Counts listed under one cue are added up when their sides overlap (`listed_counts`: "two
//! girls and two men were shot" → four).
//! Then `coordinated` counts one person joined to a counted group ("a boy and three women were
//! injured"), `singular_victim` finds claims without a number ("a man was shot and killed", "killed
//! himself"), `named_victim` those of people named one by one ("Ann Reed, 23, died"),
//! `named_object` those named as a verb's object ("killing Ann Reed"), `pronoun_victim` those
//! of a pronoun ("he died at the hospital"), `death_of` a death told by a noun ("the shooting
//! death of a Tyre man"), `multiple` an incident named by how many it hit ("a double
//! shooting"), `murder_suicide` the dead of a murder-suicide, `self_too` the shooter counted
//! after the victims ("killed four classmates and
//! himself"), `own_death` the doer's own death ("took his own life").
//! `survivors` tells the wounded who lived from the dead; `dead_among_hurt` reads a count of
//! the wounded with a share who died as the hit, the dead among them ("five wounded, two
//! fatally"); `attempt` drops deaths only
//! attempted ("accused of trying to kill two officers");
//! `subject` finds the victim a cue takes from before it; `victim` gives each claim its
//! category; `clause` says where clauses end; `people` keeps counts of things out; a count in a
//! clause dated in the past is background and left out.

pub mod ages_listed;
pub mod attempt;
pub mod clause;
pub mod coordinated;
pub mod count_then_cue;
pub mod cue_before_loosely;
pub mod cue_then_count;
pub mod dead_among_hurt;
pub mod deadly;
pub mod death_of;
pub mod listed_counts;
pub mod multiple;
pub mod murder_suicide;
pub mod named_object;
pub mod named_victim;
pub mod own_death;
pub mod people;
pub mod pronoun_victim;
pub mod self_too;
pub mod sent_to_hospital;
pub mod singular_victim;
pub mod subject;
pub mod survivors;
pub mod victim;

use sitrep_annotate::Annotations;
use sitrep_annotate::en::numbers::Quantity;
use sitrep_model::Span;

/// A claim before attribution: what the sentence says, not yet who says it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: String,
    pub value: u32,
    pub high: Option<u32>,
    pub qualifier: String,
    pub vague_word: Option<String>,
    pub category: String,
    pub tags: Vec<String>,
    pub aggregate: bool,
    /// The victims' names, when the text names them one by one.
    pub victims: Vec<String>,
    /// The count and its cue.
    pub span: Span,
    pub sentence: Span,
}

/// A count found by the number layer, as token indices.
#[derive(Debug, Clone, Copy)]
pub struct Count<'a> {
    pub quantity: &'a Quantity,
    pub start: usize,
    pub end: usize,
}

/// The cue a rule tied a count to: its kind and token range.
#[derive(Debug, Clone)]
pub struct Tie {
    pub kinds: Vec<String>,
    pub start: usize,
    pub end: usize,
}

/// The claim kind of a gerund that is no cue on its own ("the shooting" is an incident):
/// "shooting" hits, "stabbing" wounds.
pub(super) fn gerund_kind(word: &str) -> Option<&'static str> {
    match word {
        "shooting" => Some("shot"),
        "stabbing" => Some("injured"),
        _ => None,
    }
}

/// "shooting" or "stabbing" at token `g`, used as a verb: after a preposition or an adverb
/// ("after shooting", "accidentally shooting"), not a determiner ("the shooting a man saw").
/// The kind it gives ("fatally shooting": killed) and the token its phrase starts at.
pub(super) fn gerund_at(a: &Annotations, g: usize, first: usize) -> Option<(&'static str, usize)> {
    if g < first + 1 || g >= a.words.len() {
        return None;
    }
    let kind = gerund_kind(&a.words[g])?;
    let before = a.words[g - 1].as_str();
    let adverb = before.ends_with("ly") && before.len() > 3 && !matches!(before, "early" | "only");
    if !adverb && !matches!(before, "after" | "before" | "for" | "with" | "while" | "by" | "of" | "from") {
        return None;
    }
    let kind = if before == "fatally" { "killed" } else { kind };
    Some((kind, if adverb { g - 1 } else { g }))
}

/// The cue chained to the one ending at token `end` by "and" or a comma, past where the wound
/// was, an auxiliary and one adverb: "shot and [critically] wounded", "wounded and captured",
/// "17-year-old shot, killed", "taken to a hospital with a gunshot wound and later died", "a
/// gunshot wound to the head and was later pronounced deceased"; a death after "but" ("with
/// severe injuries but did not survive", "shot but later died").
pub fn chained(a: &Annotations, end: usize) -> Option<&sitrep_annotate::Tagged<sitrep_annotate::en::lexicons::Cue>> {
    let mut end = end;
    // "… wound to the head and …", "shot in his upper chest and …": where the wound was.
    if a.words.get(end).is_some_and(|w| matches!(w.as_str(), "to" | "in"))
        && let Some(k) = (end + 2..(end + 5).min(a.words.len()))
            .find(|&k| matches!(a.words[k].as_str(), "and" | "but"))
            .filter(|&k| (end + 1..k).all(|j| a.tokens[j].kind == sitrep_annotate::en::tokens::TokenKind::Word))
    {
        end = k;
    }
    let but = a.words.get(end).is_some_and(|w| w == "but");
    if !but && !matches!(a.words.get(end).map(String::as_str), Some("and" | ",")) {
        return later_death(a, end);
    }
    let mut next = end + 1;
    if a.words.get(next).is_some_and(|w| matches!(w.as_str(), "was" | "were")) {
        next += 1;
    }
    let next = past_adverb(a, next);
    a.cues.iter().find(|c| c.start == next && (!but || c.value.kind == "killed"))
}

/// The token after one adverb at `at` ("critically", "later", "then"), or `at` itself.
fn past_adverb(a: &Annotations, at: usize) -> usize {
    let adverb = a.words.get(at).is_some_and(|w| w.ends_with("ly") || matches!(w.as_str(), "later" | "then" | "soon"));
    at + usize::from(adverb)
}

/// The last of a series of predicates of one subject, when it is a death: "sustained a gunshot
/// wound, was taken to a hospital with grave injuries, and was later pronounced deceased". Only
/// "and was" (or "were") and a verb of death, with no one else named on the way.
fn later_death(a: &Annotations, end: usize) -> Option<&sitrep_annotate::Tagged<sitrep_annotate::en::lexicons::Cue>> {
    const REACH: usize = 24;
    let stop = |w: &str| matches!(w, "." | ";" | "!" | "?" | "who" | "which" | "while");
    let and_was =
        |k: usize| a.words[k] == "and" && a.words.get(k + 1).is_some_and(|w| matches!(w.as_str(), "was" | "were"));
    // The words first (this runs for most cues); the people and counts only on the way found.
    let k = (end..(end + REACH).min(a.words.len())).take_while(|&k| !stop(&a.words[k])).find(|&k| and_was(k))?;
    let (from, to) = (a.tokens.get(end)?.span.start, a.tokens[k].span.start);
    let someone = a.victims.iter().any(|v| v.span.start >= from && v.span.start < to)
        || a.quantities.iter().any(|q| q.span.start >= from && q.span.start < to);
    let next = past_adverb(a, k + 2);
    (!someone).then(|| a.cues.iter().find(|c| c.start == next && c.value.kind == "killed")).flatten()
}

/// A cue's kind, read with the adverb of death before it: "fatally shot", "mortally wounded"
/// are deaths.
pub fn kind_of(a: &Annotations, cue: &sitrep_annotate::Tagged<sitrep_annotate::en::lexicons::Cue>) -> String {
    let fatal_adverb = cue.start > 0
        && a.words[cue.start - 1].ends_with("ly")
        && a.cues.iter().any(|c| c.end == cue.start && c.value.kind == "killed");
    if fatal_adverb && matches!(cue.value.kind.as_str(), "shot" | "injured") {
        "killed".to_owned()
    } else {
        cue.value.kind.clone()
    }
}

/// Whether a cue stands right after the count: "1 killed 3 injured" — the count is that cue's
/// subject, never the object of a cue before it.
pub fn has_own_cue(a: &Annotations, count: &Count) -> bool {
    a.cues.iter().any(|c| c.start == count.end)
}

/// Whether token `at` is part of a date ("Saturday" in "died Saturday"): no object of a verb.
pub fn in_date(a: &Annotations, at: usize) -> bool {
    a.tokens.get(at).is_some_and(|t| a.dates.iter().any(|d| d.span.start <= t.span.start && t.span.start < d.span.end))
}

/// "a single shot", "a warning shot": the noun, a gunshot, not the verb.
pub fn gunshot_noun(a: &Annotations, cue: &sitrep_annotate::Tagged<sitrep_annotate::en::lexicons::Cue>) -> bool {
    cue.value.kind == "shot"
        && cue.start > 0
        && matches!(a.words[cue.start - 1].as_str(), "a" | "single" | "one" | "warning" | "first" | "second")
}

/// "were not injured", "was never hurt", "had not been shot": a cue that befell no one.
pub fn negated(a: &Annotations, cue_start: usize) -> bool {
    let not = |w: &str| matches!(w, "not" | "never" | "n't");
    let before = |k: usize| cue_start.checked_sub(k).map(|i| a.words[i].as_str());
    before(1).is_some_and(not) || (before(1) == Some("been") && before(2).is_some_and(not))
}

/// "shot at": fired at, whoever was hit.
pub fn fired_at(a: &Annotations, cue: &sitrep_annotate::Tagged<sitrep_annotate::en::lexicons::Cue>) -> bool {
    cue.value.kind == "shot" && a.words.get(cue.end).is_some_and(|w| w == "at")
}

/// All casualty claims of a text.
pub fn claims(a: &Annotations) -> Vec<Found> {
    let mut out = Vec::new();
    for &sentence in &a.sentences {
        let first = a.token_at(sentence.start);
        let last = a.token_at(sentence.end);
        let counts: Vec<Count> = a
            .quantities
            .iter()
            .filter(|q| q.span.start >= sentence.start && q.span.end <= sentence.end)
            .map(|q| Count { quantity: q, start: a.token_at(q.span.start), end: a.token_at(q.span.end - 1) + 1 })
            .collect();
        let mut in_sentence: Vec<Found> = Vec::new();
        // The cue each counted claim was tied to.
        let mut ties: Vec<listed_counts::Tied> = Vec::new();
        for (index, count) in counts.iter().enumerate() {
            // "shot by two men": the agents of a passive, never its victims.
            let by = |k: usize| count.start >= k && a.words[count.start - k] == "by";
            if !people::counts_people(a, count) || by(1) || (by(2) && a.words[count.start - 1] == "the") {
                continue;
            }
            let clause = clause::around(a, count.start, first, last);
            // "In 2012, 13 died": a toll of the past is background, not this incident's.
            if clause::is_past(a, clause) || clause::has_past_heading(a, first, clause) {
                continue;
            }
            let tie = cue_then_count::tie(a, count, first)
                .or_else(|| count_then_cue::tie(a, &counts, index, last))
                .or_else(|| cue_before_loosely::tie(a, count, first))
                .or_else(|| sent_to_hospital::tie(a, count, last));
            let Some(tie) = tie else { continue };
            let (category, tags) = victim::of(a, count, &in_sentence);
            let aggregate = clause::has_aggregate_hint(a, clause);
            for kind in tie.kinds {
                let kind = survivors::others_shot(a, count, kind);
                let start = a.tokens[count.start.min(tie.start)].span.start;
                let end = a.tokens[(count.end.max(tie.end)) - 1].span.end;
                in_sentence.push(Found {
                    kind,
                    value: count.quantity.value.min(u64::from(u32::MAX)) as u32,
                    high: count.quantity.high.map(|h| h.min(u64::from(u32::MAX)) as u32),
                    qualifier: count.quantity.qualifier.clone(),
                    vague_word: count.quantity.vague_word.clone(),
                    category: category.clone(),
                    tags: tags.clone(),
                    aggregate,
                    victims: Vec::new(),
                    span: Span::new(start, end),
                    sentence,
                });
                ties.push(listed_counts::Tied { cue: (tie.start, tie.end), count: count.start });
            }
        }
        listed_counts::merge(a, &mut in_sentence, &ties);
        coordinated::add(a, sentence, first, last, &mut in_sentence);
        let singles = singular_victim::claims(a, sentence, first, last, &in_sentence);
        in_sentence.extend(singles);
        let named = named_victim::claims(a, sentence, first, last, &in_sentence);
        in_sentence.extend(named);
        let objects = named_object::claims(a, sentence, first, last, &in_sentence);
        in_sentence.extend(objects);
        let pronouns = pronoun_victim::claims(a, sentence, first, last, &in_sentence);
        in_sentence.extend(pronouns);
        let deaths = death_of::claims(a, sentence, first, last, &in_sentence);
        in_sentence.extend(deaths);
        let multiples = multiple::claims(a, sentence, first, last, &in_sentence);
        in_sentence.extend(multiples);
        let shooters = self_too::claims(a, &in_sentence);
        in_sentence.extend(shooters);
        let own = own_death::claims(a, sentence, first, last, &in_sentence);
        in_sentence.extend(own);
        let listed = ages_listed::claims(a, sentence, first, last, &in_sentence);
        in_sentence.extend(listed);
        murder_suicide::apply(a, sentence, first, last, &mut in_sentence);
        deadly::apply(a, sentence, first, last, &mut in_sentence);
        survivors::sort_out(a, &mut in_sentence);
        dead_among_hurt::apply(a, &mut in_sentence);
        attempt::drop_attempts(a, &mut in_sentence);
        // The uncounted victims of a timeline's entry are background too, like its counts.
        in_sentence.retain(|f| {
            let clause = clause::around(a, a.token_at(f.span.start), first, last);
            !clause::has_past_heading(a, first, clause)
        });
        out.extend(in_sentence);
    }
    out
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// (kind, value, qualifier, category, aggregate) of each claim in `text`.
    pub fn claims_of(text: &str) -> Vec<(String, u32, String, String, bool)> {
        let a = sitrep_annotate::annotate_text(text, Some(jiff::civil::date(2024, 5, 3)));
        claims(&a).into_iter().map(|c| (c.kind, c.value, c.qualifier, c.category, c.aggregate)).collect()
    }

    pub fn short(text: &str) -> Vec<(String, u32, String)> {
        claims_of(text).into_iter().map(|c| (c.0, c.1, c.3)).collect()
    }

    pub fn row(kind: &str, value: u32, category: &str) -> (String, u32, String) {
        (kind.to_owned(), value, category.to_owned())
    }
}

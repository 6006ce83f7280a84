//! Claims without a number: one person, named or described, with a casualty cue.
//!
//! ## What it handles
//! "a man was shot and killed" → killed 1; "killing a man", "shoots 5-year-old boy" → one
//! victim; "a police officer was wounded" → injured 1 (state forces); "a 17-year-old was
//! pronounced dead", "a six year old passenger" (an age as a noun); "the man died at the
//! hospital", "her son was wounded", "the man was taken to a hospital and died" (a definite or
//! possessive person, as the subject of the cue); "Man killed, 8 others wounded", "Marlow Teen
//! Accidentally Shot In Face", "Toddler fatally shot by gunman", "… after girl, 15, is killed"
//! (a headline's bare noun, opening it or after a conjunction, and a passive without its
//! auxiliary); "Man kills neighbour" (a headline's bare object); "shot himself", "shoots self" → shot 1, "fatally shot
//! himself", "shot herself to death" → killed 1; the object of a gerund that is no cue on its
//! own ("after accidentally shooting a woman", "charged with stabbing his brother").
//!
//! ## What it leaves alone
//! A singular noun already covered by a counted claim; generic mentions without a cue in the
//! same clause; a definite person who does the shooting ("the gunman shot two people"); persons
//! named one by one (a later rule).

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use sitrep_annotate::Tagged;
use sitrep_annotate::en::lexicons::{Cue, experiencer, participles};

use super::{Found, clause};

/// Words between the person and the cue ("a man [in his 20s] was [shot and] killed").
const WINDOW: usize = 6;

pub fn claims(a: &Annotations, sentence: Span, first: usize, last: usize, counted: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    out.extend(reflexives(a, sentence, first, last));
    // To the last word: a headline has no final stop ("Man kills roommate").
    for i in first..last {
        // "a man", "the man", "her son", "a 17-year-old": a person within two words of an article
        // or possessive; an age without one ("killing 15-year-old", "9-month-old dies"); or,
        // opening a headline, the person without one ("Man killed", "Marlow Teen Shot").
        // "Another deputy was shot": one more person, as indefinite as "a".
        let indefinite = matches!(a.words[i].as_str(), "a" | "an" | "another");
        // "Stoffel's wife": a named person's relative is as definite as "his wife".
        let named_possessive = (a.words[i].ends_with("'s") || a.words[i].ends_with("’s")) && is_capitalised(a, i);
        let definite = matches!(a.words[i].as_str(), "the" | "his" | "her" | "their") || named_possessive;
        let after_article =
            i > first && matches!(a.words[i - 1].as_str(), "a" | "an" | "the" | "his" | "her" | "their");
        let bare_age = !after_article && age_end(a, i).is_some();
        let opening = i <= first + 4
            && !indefinite
            && !definite
            && !after_article
            && (first..i).all(|j| {
                // "Investigator: Missing Marlow teen shot": a headline's colon opens it again.
                matches!(a.words[j].as_str(), "." | ":")
                    || (is_capitalised(a, j) && a.words[j].chars().all(|c| c.is_alphabetic() || c == '.'))
            });
        // "… after girl, 15, is killed by masked gunmen": a headline drops its articles
        // anywhere, and a bare singular person after a conjunction is one only a headline writes.
        let headline_clause = i > first
            && !after_article
            && matches!(a.words[i - 1].as_str(), "after" | "as" | "when" | "while" | "before")
            && is_capitalised(a, first);
        // "Woman kills son, self": a headline's bare object, right after an active cue, or past
        // the town or the name that qualifies it ("Shooting kills Marlow teen").
        let bare_cue = (i > first && !indefinite && !definite && !after_article && is_capitalised(a, first))
            .then(|| {
                (0..=2usize)
                    .filter(|&k| i > first + k && (i - k..i).all(|j| is_capitalised(a, j)))
                    .find_map(|k| a.cues.iter().find(|c| c.end == i - k && is_person_kind(&c.value.kind)))
            })
            .flatten();
        let person = if indefinite || definite {
            person_at(a, i + 1).or_else(|| person_at(a, i + 2).filter(|_| age_end(a, i + 1).is_none()))
        } else if bare_age || opening || headline_clause || bare_cue.is_some() {
            person_at(a, i)
        } else {
            None
        };
        // "found one man dead and another wounded": "another" standing for a person, its
        // predicate right after it.
        if person.is_none()
            && a.words[i] == "another"
            && let Some(cue) = a.cues.iter().find(|c| c.start == i + 1 && is_person_kind(&c.value.kind))
        {
            let span = Span::new(a.tokens[i].span.start, cue.span.end);
            if !counted.iter().chain(out.iter()).any(|f| f.span.start <= span.start && f.span.end >= span.end) {
                out.push(one(super::kind_of(a, cue), "all".into(), Vec::new(), span, sentence));
            }
            continue;
        }
        let Some((person_end, category, tags)) = person else { continue };
        // "A woman and her adopted son were found dead": each person joined counts, and the cue
        // is read after the last.
        let (person_end, others) = also_named(a, person_end, last);
        let indefinite = indefinite || bare_age;
        // "killing a man", "wounded a passer-by": the person is the object of the cue before; "after
        // accidentally shooting a woman": of a gerund that is no cue on its own ("the shooting").
        let object_of = a
            .cues
            .iter()
            .find(|c| c.end == i && i > first && is_person_kind(&c.value.kind))
            .or(bare_cue)
            .map(|cue| (super::kind_of(a, cue), cue.start))
            .or_else(|| {
                let gerund = (indefinite || definite).then(|| super::gerund_at(a, i.wrapping_sub(1), first));
                gerund.flatten().map(|(kind, start)| (kind.to_owned(), start))
            });
        // "Missing Marlow teen shot to death": "missing" describes the person whose fate the
        // passive after tells.
        let described = |kind: &str| kind == "missing" && passive_headline(a, person_end, last).is_some();
        if let Some((kind, start)) = object_of.filter(|(kind, _)| !described(kind)) {
            let span = Span::new(a.tokens[start].span.start, a.tokens[person_end - 1].span.end);
            if !counted.iter().chain(out.iter()).any(|f| f.span.start <= span.start && f.span.end >= span.end) {
                // "killed his former girlfriend and her daughter": each person joined counts.
                out.extend(each_side(&kind, &category, &others, &tags, span, sentence));
            }
            continue;
        }
        let cue = if indefinite {
            // "Another victim – 14-year-old Ann Reed – was taken …", "A woman, identified as
            // Ann Reed, was hospitalized": the predicate comes after the apposition.
            let verb_from = apposition_end(a, person_end, last).unwrap_or(person_end);
            let (_, clause_end) = clause::around(a, verb_from.min(last - 1), first, last);
            // A cue after a determiner is a noun ("held in the killing"): it has no subject,
            // unless a verb of suffering gives it one ("a man suffered a gunshot wound").
            // So does "with" right after the person: "a woman with a gunshot wound".
            let noun = |c: &&Tagged<Cue>| {
                let bearer = c.start > 1
                    && (experiencer().contains(&a.words[c.start - 2])
                        || (a.words[c.start - 2] == "with" && c.start - 2 == person_end));
                c.start > 0 && matches!(a.words[c.start - 1].as_str(), "the" | "a" | "an") && !bearer
            };
            // "A man was taken to Mercy Hospital with a gunshot wound": a wound borne by the
            // one carried, however far.
            let borne = |c: &&Tagged<Cue>| {
                super::subject::carried_with(a, c.start, first).is_some()
                    && super::subject::victim_before(a, c.start, first) == Some(person_end)
            };
            // "another child was not killed": a negated cue befell no one.
            a.cues.iter().find(|c| {
                c.start >= person_end
                    && !super::negated(a, c.start)
                    && ((c.start < clause_end.min(verb_from + WINDOW) && !noun(c)) || (c.end <= last && borne(c)))
                    && is_person_kind(&c.value.kind)
                    && !is_reflexive(a, c.end)
                    && !active_with_object(a, c, last)
            })
        } else if definite {
            // "The gunman shot two people", "Man kills wife": a definite or headline person is
            // the victim only of a cue that takes it as subject ("the man died", "the officer
            // was wounded", "the man was taken to a hospital and died"), never of a reflexive.
            // "The headmaster who was injured … died": the passive of a relative clause is the
            // person's too (and the death after it, below, how it ended).
            let relative_passive = |c: &Tagged<Cue>| {
                matches!(a.words.get(person_end).map(String::as_str), Some("who" | "that"))
                    && (person_end + 2..=person_end + 3).contains(&c.start)
                    && (person_end + 1..c.start)
                        .all(|k| matches!(a.words[k].as_str(), "was" | "had" | "has" | "been" | "is"))
            };
            a.cues.iter().find(|c| {
                c.start >= person_end
                    && c.end <= last
                    && is_person_kind(&c.value.kind)
                    && !is_reflexive(a, c.end)
                    && (super::subject::victim_before(a, c.start, first) == Some(person_end) || relative_passive(c))
            })
        } else {
            passive_headline(a, person_end, last)
        };
        let Some(mut cue) = cue else { continue };
        // "a man shot himself to death": the reflexive already counted him.
        if out.iter().any(|f: &Found| f.span.start <= cue.span.start && f.span.end >= cue.span.end) {
            continue;
        }
        // A cue later in the clause: "was shot and killed" — the last cue of a chain decides.
        while let Some(next) = super::chained(a, cue.end) {
            cue = next;
        }
        // "A boy who was shot in the face has died": the cue of the relative clause says what
        // befell him first; a death after it, in the same sentence, says how it ended.
        // "A man shot on Main Street on Sunday died", "Boy, 13, shot near the base has died":
        // a participle right behind the person is a reduced relative clause, and the finite
        // death after it is the person's own verb.
        let relative = matches!(a.words.get(person_end).map(String::as_str), Some("who" | "that"));
        let reduced = cue.start == person_end || (cue.start == person_end + 3 && a.words[person_end] == ",");
        if (relative || reduced) && cue.value.kind != "killed" {
            let (_, clause_end) = clause::around(a, cue.end.min(last - 1), first, last);
            let finite = |c: &Tagged<Cue>| {
                relative
                    || matches!(a.words[c.start].as_str(), "died" | "dies")
                    || (c.start > 0 && matches!(a.words[c.start - 1].as_str(), "has" | "have" | "had"))
            };
            let died = a.cues.iter().find(|c| {
                c.start >= cue.end
                    && c.end <= clause_end
                    && c.value.kind == "killed"
                    && !is_reflexive(a, c.end)
                    && finite(c)
            });
            if let Some(died) = died {
                cue = died;
            }
        }
        let start = a.tokens[i].span.start;
        let end = a.tokens[cue.end - 1].span.end;
        if counted.iter().any(|f| f.span.start <= start && f.span.end >= end) {
            continue;
        }
        out.extend(each_side(&cue.value.kind, &category, &others, &tags, Span::new(start, end), sentence));
    }
    out
}

/// One claim per side for a person and those joined to them: "a policeman and a civilian were
/// killed" is one of the state's forces and one civilian, itemised. One person of no known side
/// makes them all people of any side ("a man and woman": two), as reconciliation reads a claim
/// of category `all` as everyone.
pub(super) fn each_side(
    kind: &str,
    category: &str,
    others: &[String],
    tags: &[String],
    span: Span,
    sentence: Span,
) -> Vec<Found> {
    if others.iter().any(|c| c != category) && (category == "all" || others.iter().any(|c| c == "all")) {
        let everyone =
            Found { value: 1 + others.len() as u32, ..one(kind.to_owned(), "all".into(), Vec::new(), span, sentence) };
        return vec![everyone];
    }
    let mut sides: Vec<(&str, u32)> = vec![(category, 1)];
    for c in others {
        match sides.iter_mut().find(|(side, _)| side == c) {
            Some((_, n)) => *n += 1,
            None => sides.push((c, 1)),
        }
    }
    sides
        .into_iter()
        .map(|(side, n)| {
            // A tag of the first person ("child") is not the others'.
            let tags = if side == category { tags.to_vec() } else { Vec::new() };
            Found { value: n, ..one(kind.to_owned(), side.to_owned(), tags, span, sentence) }
        })
        .collect()
}

/// Where an apposition right after a person ends: an aside in dashes or brackets
/// (`clause::aside_end`), or a few words between commas without a cue ("a woman, identified
/// as Ann Reed, was").
fn apposition_end(a: &Annotations, at: usize, last: usize) -> Option<usize> {
    if at >= last {
        return None;
    }
    if let Some(end) = clause::aside_end(a, at, last) {
        return Some(end);
    }
    if a.words.get(at).is_none_or(|w| w != ",") {
        return None;
    }
    let close = (at + 2..last.min(at + 2 + APPOSITION)).find(|&j| a.words[j] == ",")?;
    let plain = (at + 1..close).all(|j| {
        !a.cues.iter().any(|c| c.start == j) && !matches!(a.words[j].as_str(), "and" | "or" | "who" | "which" | "that")
    });
    (plain && close + 1 < last).then_some(close + 1)
}

/// Most words an apposition between commas holds: ", identified as Ann Reed,".
const APPOSITION: usize = 8;

/// "A man shot an 8-year-old boy": a cue in the active voice with an object right after it
/// (a determiner, a number or a name) has its subject for agent, not for victim.
fn active_with_object(a: &Annotations, cue: &Tagged<Cue>, last: usize) -> bool {
    let passive = |i: usize| super::subject::PASSIVE.contains(&a.words[i].as_str());
    if passive(cue.start) || (cue.start > 0 && passive(cue.start - 1)) || cue.end >= last {
        return false;
    }
    // "fatally shot three people": the adverb is a cue of its own; the object follows its verb.
    let verb = a.cues.iter().find(|c| c.start == cue.end && a.words[cue.end - 1].ends_with("ly"));
    let at = verb.map_or(cue.end, |v| v.end);
    if at >= last {
        return false;
    }
    // "A man died Saturday": a verb that takes no object, or a day after the verb, is no
    // object's.
    if super::subject::INTRANSITIVE.contains(&a.words[cue.end - 1].as_str()) {
        return false;
    }
    if super::in_date(a, at) {
        return false;
    }
    let next = a.words[at].as_str();
    // "never hurt anybody": a pronoun of anyone as the object.
    if sitrep_annotate::en::lexicons::anyone_pronouns().contains(next) {
        return true;
    }
    // "An officer shot the suspect": "the" opens an object only before a person, and only after
    // a verb that takes one ("A man died the next day" has none).
    let transitive =
        cue.end - cue.start == 1 && super::count_then_cue::ACTIVE_PAST.contains(&a.words[cue.start].as_str());
    let the_person = next == "the" && transitive && a.victims.iter().any(|v| v.start > at && v.start <= at + 3);
    the_person
        || matches!(next, "a" | "an" | "his" | "her" | "their" | "him" | "them" | "two" | "three" | "four")
        || a.tokens[at].kind == sitrep_annotate::en::tokens::TokenKind::Number
        || (is_capitalised(a, at) && a.tokens[at].kind == sitrep_annotate::en::tokens::TokenKind::Word)
}

/// The people "and" joins right after a person ("and her son", "and a 9-year-old": a
/// determiner, then a singular victim word or an age within two words; "and woman" after "a
/// man"), or a list of them that "and" closes ("his girlfriend, her mother, and brother"):
/// where the last ends, and the side of each. A list without its "and" is no list ("his wife, a
/// nurse, was killed": one person and an apposition).
pub(super) fn also_named(a: &Annotations, person_end: usize, last: usize) -> (usize, Vec<String>) {
    let (mut end, mut categories) = (person_end, Vec::new());
    let (mut at, mut listed) = (person_end, Vec::new());
    loop {
        let (join, closes) = match (a.words.get(at).map(String::as_str), a.words.get(at + 1).map(String::as_str)) {
            (Some(","), Some("and")) => (2, true),
            (Some("and"), _) => (1, true),
            (Some(","), _) => (1, false),
            _ => break,
        };
        let from = at + join;
        if from + 1 > last {
            break;
        }
        let next = if matches!(a.words[from].as_str(), "a" | "an" | "the" | "his" | "her" | "their") {
            (from + 1..(from + 3).min(last)).find_map(|i| person_at(a, i))
        } else if age_end(a, from).is_some() {
            // "his girlfriend and 9-month-old daughter": an age as a noun needs no article.
            person_at(a, from)
        } else {
            // "a man and woman": the article of the first serves both.
            a.victims
                .iter()
                .find(|v| v.start == from && v.end <= last && !is_plural(&a.words[v.end - 1]))
                .map(|v| (v.end, v.value.category.clone(), Vec::new()))
        };
        let Some((next, category, _)) = next else { break };
        listed.push(category);
        at = next;
        if closes {
            end = next;
            categories.append(&mut listed);
        }
    }
    (end, categories)
}

/// "shot and killed himself", "shoots self", "fatally shot herself", "shot himself to death":
/// the shooter is one of the hurt, or of the dead.
fn reflexives(a: &Annotations, sentence: Span, first: usize, last: usize) -> Vec<Found> {
    let mut out = Vec::new();
    for cue in a.cues.iter().filter(|c| c.start >= first && c.end < last && is_person_kind(&c.value.kind)) {
        if !is_reflexive(a, cue.end) {
            continue;
        }
        let fatally = cue.start > first && a.words[cue.start - 1] == "fatally";
        let to_death = a.words.get(cue.end + 1..cue.end + 3).is_some_and(|w| w[0] == "to" && w[1] == "death");
        let kind = if fatally || to_death { "killed".to_owned() } else { cue.value.kind.clone() };
        let end = if to_death { cue.end + 3 } else { cue.end + 1 };
        let span = Span::new(a.tokens[cue.start].span.start, a.tokens[end - 1].span.end);
        out.push(one(kind, "all".into(), Vec::new(), span, sentence));
    }
    // "before fatally shooting himself": a gerund that is no cue on its own ("the shooting").
    for i in first..last.saturating_sub(1) {
        let Some(kind) = super::gerund_kind(&a.words[i]) else { continue };
        if !is_reflexive(a, i + 1) {
            continue;
        }
        let fatally = i > first && a.words[i - 1] == "fatally";
        let kind = if fatally { "killed" } else { kind };
        let span = Span::new(a.tokens[i].span.start, a.tokens[i + 1].span.end);
        out.push(one(kind.to_owned(), "all".into(), Vec::new(), span, sentence));
    }
    out
}

fn is_reflexive(a: &Annotations, i: usize) -> bool {
    a.words.get(i).is_some_and(|w| matches!(w.as_str(), "himself" | "herself" | "themself" | "self"))
}

/// A headline's passive without its auxiliary, right after the person: "Man killed in
/// shooting", "Marlow Teen Accidentally Shot In Face", "Toddler fatally shot by gunman", "Teen
/// found dead". An object after the verb makes it active ("Gunmen killed 16 soldiers").
fn passive_headline(a: &Annotations, person_end: usize, last: usize) -> Option<&Tagged<Cue>> {
    let mut at = person_end;
    // "Child, 12, accidentally shot": the age apposed to the person.
    let number = |i: usize| a.tokens.get(i).is_some_and(|t| t.kind == sitrep_annotate::en::tokens::TokenKind::Number);
    if at + 3 < last && a.words[at] == "," && number(at + 1) && a.words[at + 2] == "," {
        at += 3;
    }
    while at < last && (a.words[at] == "found" || (a.words[at].ends_with("ly") && a.words[at].len() > 4)) {
        // "fatally" is a cue of its own: the verb after it is the passive; "critically injured"
        // is one cue whose last word is the verb.
        if a.cues
            .iter()
            .any(|c| c.start == at && c.end < last && (c.end > at + 1 || a.cues.iter().any(|d| d.start == c.end)))
        {
            break;
        }
        at += 1;
    }
    // "Columbus teen was shot": the auxiliary of a full passive, before its participle.
    let auxiliary = |w: &str| matches!(w, "was" | "were" | "is" | "are");
    if at + 1 < last && auxiliary(&a.words[at]) && !a.cues.iter().any(|c| c.start == at) {
        at += 1;
    }
    // "Teen was beaten, shot to death": a participle that is no cue, joined to the one after.
    let participle = |w: &str| w.chars().all(|c| c.is_ascii_lowercase()) && (w.ends_with("ed") || w.ends_with("en"));
    if at + 2 < last
        && participle(&a.words[at])
        && matches!(a.words[at + 1].as_str(), "and" | ",")
        && !a.cues.iter().any(|c| c.start == at)
    {
        at += 2;
    }
    let cue = a.cues.iter().find(|c| c.start == at && is_person_kind(&c.value.kind))?;
    let adverb = a.words[at].ends_with("ly");
    let verb = if adverb && cue.end == at + 1 { a.cues.iter().find(|c| c.start == cue.end)? } else { cue };
    // The participle: the verb's first word, or its last after an adverb ("critically injured")
    // or an auxiliary ("was killed").
    let last_word = (adverb || auxiliary(&a.words[verb.start])) && verb.start == at && verb.end > at + 1;
    let word = if last_word { &a.words[verb.end - 1] } else { &a.words[verb.start] };
    // A state ("in critical condition") cannot be active either.
    let participle = word.ends_with("ed") || word == "dies" || participles().contains(word) || word == "in";
    let then = a.words.get(verb.end).map(String::as_str);
    let no_object = then.is_none_or(|w| {
        matches!(
            w,
            "," | "."
                | ":"
                | ";"
                | "-"
                | "in"
                | "at"
                | "on"
                | "by"
                | "after"
                | "near"
                | "during"
                | "outside"
                | "inside"
                | "with"
                | "while"
                | "following"
                | "from"
                | "of"
                | "as"
                | "and"
                | "overnight"
                | "early"
                | "late"
                | "|"
        )
    });
    // "Gunman killed at least two": a count after the verb is its object.
    let counted_object = a.quantities.iter().any(|q| a.token_at(q.span.start) == verb.end);
    (participle && no_object && !counted_object).then_some(cue)
}

/// The person starting at token `i`: a singular victim word ("man", "police officer") or an
/// age ("17-year-old", "16-year old", "six year old"), with the noun after an age ("a
/// 17-year-old boy"). Returns where it ends, its category and tags.
pub(super) fn person_at(a: &Annotations, i: usize) -> Option<(usize, String, Vec<String>)> {
    let victim = |at: usize| a.victims.iter().find(|v| v.start == at && !is_plural(&a.words[v.end - 1]));
    if let Some(end) = age_end(a, i) {
        return Some(match victim(end) {
            Some(v) => (v.end, v.value.category.clone(), v.value.tags.clone()),
            None => (end, "all".to_owned(), Vec::new()),
        });
    }
    victim(i).map(|v| (v.end, v.value.category.clone(), v.value.tags.clone()))
}

/// Where an abbreviation of "years old" starting at token `at` ends ("yo", "y/o" as three
/// tokens; `lexicons/en/casualties.toml` `age_abbreviations`).
pub(super) fn abbreviated_age_end(a: &Annotations, at: usize) -> Option<usize> {
    (1..=3)
        .find(|&n| {
            a.words
                .get(at..at + n)
                .is_some_and(|w| sitrep_annotate::en::lexicons::age_abbreviations().contains(&w.concat()))
        })
        .map(|n| at + n)
}

/// Where an age used as a noun ends: "17-year-old", "9-month-old", "16-year old", "six year
/// old".
pub(super) fn age_end(a: &Annotations, i: usize) -> Option<usize> {
    const UNITS: [&str; 8] = ["year", "years", "month", "months", "week", "weeks", "day", "days"];
    let word = a.words.get(i)?;
    // "8 yo", "3 y/o": a number and an abbreviation of "years old".
    if !word.is_empty()
        && word.bytes().all(|b| b.is_ascii_digit())
        && let Some(end) = abbreviated_age_end(a, i + 1)
    {
        return Some(end);
    }
    // Read for every token: most are no age and leave here, without allocating or searching.
    let dash = word.bytes().position(|b| b == b'-');
    if dash.is_none() && a.words.get(i + 2).is_none_or(|w| w != "old") {
        return None;
    }
    let next = a.words.get(i + 1).map(String::as_str);
    let (number, rest) = match dash {
        Some(at) => (&word[..at], Some(&word[at + 1..])),
        None => (word.as_str(), None),
    };
    let numeric = !number.is_empty() && number.chars().all(|c| c.is_ascii_alphanumeric());
    match rest.map(|r| r.split_once('-')) {
        // "17-year-old"
        Some(Some((unit, "old"))) if numeric && UNITS.contains(&unit) => Some(i + 1),
        // "16-year old"
        Some(None) if numeric && UNITS.contains(&rest?) && next == Some("old") => Some(i + 2),
        // "six year old"
        None if a.words.get(i + 2)? == "old"
            && UNITS.contains(&next?)
            && (number.chars().all(|c| c.is_ascii_digit()) || is_number_word(number)) =>
        {
            Some(i + 3)
        }
        _ => None,
    }
}

/// A number written as a word, as ages are ("six", "twenty-one").
fn is_number_word(word: &str) -> bool {
    sitrep_annotate::en::numbers::word_number(word).is_some()
}

pub(super) fn is_capitalised(a: &Annotations, i: usize) -> bool {
    a.tokens[i].span.slice(&a.text).chars().next().is_some_and(char::is_uppercase)
}

fn is_person_kind(kind: &str) -> bool {
    matches!(kind, "killed" | "injured" | "shot" | "captured" | "arrested" | "missing")
}

/// A claim of one person.
pub(super) fn one(kind: String, category: String, tags: Vec<String>, span: Span, sentence: Span) -> Found {
    Found {
        kind,
        value: 1,
        high: None,
        qualifier: "exact".into(),
        vague_word: None,
        category,
        tags,
        aggregate: false,
        victims: Vec::new(),
        span,
        sentence,
    }
}

pub(super) fn is_plural(word: &str) -> bool {
    (word.ends_with('s') && !word.ends_with("ss"))
        || word.ends_with("men")
        || matches!(word, "people" | "children" | "police")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn one_person_with_a_cue() {
        assert_eq!(short("A man was shot and killed outside a bar."), vec![row("killed", 1, "all")]);
        assert_eq!(short("A police officer was wounded."), vec![row("injured", 1, "state_forces")]);
        assert_eq!(short("A 17-year-old was pronounced dead at the hospital."), vec![row("killed", 1, "all")]);
        assert_eq!(short("A 16-year-old boy was shot and critically wounded."), vec![row("injured", 1, "civilians")]);
        assert_eq!(short("A woman was shot in the arm."), vec![row("shot", 1, "civilians")]);
        assert_eq!(short("The gunman then shot and killed himself."), vec![row("killed", 1, "all")]);
        assert_eq!(short("The man died at the hospital."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Her son was wounded."), vec![row("injured", 1, "civilians")]);
        assert_eq!(short("Police fatally shot an armed teen."), vec![row("killed", 1, "civilians")]);
        assert_eq!(short("The gunman shot two people before he fled."), vec![row("shot", 2, "all")]);
        // The neighbour, not the man.
        assert_eq!(short("Man kills neighbour in dispute"), vec![row("killed", 1, "civilians")]);
        // The object as the headline's last word.
        assert_eq!(short("Police say man fatally shot roommate"), vec![row("killed", 1, "civilians")]);
        assert_eq!(
            short("Man killed, 8 others wounded in shooting at party"),
            vec![row("injured", 8, "all"), row("killed", 1, "all")]
        );
    }

    #[test]
    fn ages_as_nouns() {
        assert_eq!(short("A six year old passenger was pronounced dead."), vec![row("killed", 1, "civilians")]);
        assert_eq!(short("Police said a 16-year old was shot and killed."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Teen accidentally shoots 5-year-old boy in leg"), vec![row("shot", 1, "civilians")]);
        assert_eq!(short("9-month-old dies after gun goes off"), vec![row("killed", 1, "all")]);
    }

    #[test]
    fn headline_passives_without_auxiliary() {
        assert_eq!(short("Marlow Teen Accidentally Shot In Face"), vec![row("shot", 1, "civilians")]);
        assert_eq!(short("Toddler fatally shot by gunman in Kelby"), vec![row("killed", 1, "civilians")]);
        // An object after the verb makes it active.
        assert_eq!(short("Gunman killed at least two in Kelby"), vec![row("killed", 2, "all")]);
        assert_eq!(short("Teen found dead in Marlow after report of shots"), vec![row("killed", 1, "civilians")]);
        assert_eq!(short("Teen shot to death in driveway"), vec![row("killed", 1, "civilians")]);
        assert_eq!(
            short("St. Anne Parish deputy killed in accidental shooting"),
            vec![row("killed", 1, "state_forces")]
        );
        assert_eq!(short("Kelby Man Dies From Gunshot Wound"), vec![row("killed", 1, "all")]);
        assert_eq!(short("Teen critically injured in Marlow shooting"), vec![row("injured", 1, "civilians")]);
        assert_eq!(short("Child in critical condition after shooting in Marlow"), vec![row("injured", 1, "civilians")]);
    }

    #[test]
    fn headline_passives_with_an_auxiliary_or_an_age() {
        assert_eq!(short("Marlow teen was killed during gunfight, police say"), vec![row("killed", 1, "civilians")]);
        assert_eq!(short("Child, 12, accidentally shot in Kelby County"), vec![row("shot", 1, "civilians")]);
        // Active, with an object: the man is the shooter.
        assert_eq!(short("Marlow man was shooting at cans"), vec![]);
        // A bare person after a conjunction: headline grammar anywhere in the headline.
        assert_eq!(
            short("Marlow in fear after girl, 15, is killed by masked gunmen"),
            vec![row("killed", 1, "civilians")]
        );
        assert_eq!(short("Vigil held after teen shot near Marlow school"), vec![row("shot", 1, "civilians")]);
    }

    #[test]
    fn headline_persons_past_a_colon_a_town_or_a_first_participle() {
        // The colon opens the headline again; "missing" describes the teen the passive tells of.
        assert_eq!(
            short("Investigator: Missing Marlow teen was beaten, shot to death"),
            vec![row("killed", 1, "civilians")]
        );
        assert_eq!(short("Police search for missing teen"), vec![row("missing", 1, "civilians")]);
        // The bare object past the town that qualifies it.
        assert_eq!(short("Shooting kills Marlow teen"), vec![row("killed", 1, "civilians")]);
        assert_eq!(short("Teen was robbed and killed"), vec![row("killed", 1, "civilians")]);
    }

    #[test]
    fn negated_or_agent_is_no_victim() {
        assert_eq!(short("We are lucky another child was not killed."), vec![]);
        assert_eq!(short("Police asked whether a child shot him."), vec![row("shot", 1, "all")]);
    }

    #[test]
    fn the_predicate_after_an_apposition() {
        assert_eq!(
            short("Another victim – 14-year-old Ann Reed – was taken to the hospital in critical condition."),
            vec![row("injured", 1, "all")]
        );
        assert_eq!(short("A woman, identified as Ann Reed, was hospitalized."), vec![row("injured", 1, "civilians")]);
        assert_eq!(short("A woman, her son and a friend went home."), vec![]);
    }

    #[test]
    fn a_day_after_the_verb_is_no_object() {
        assert_eq!(short("A man died Saturday."), vec![row("killed", 1, "all")]);
        assert_eq!(short("A 46-year-old woman was shot Monday night."), vec![row("shot", 1, "civilians")]);
        // A name after an active verb is still its object: Ann Reed is the one shot, not the man.
        assert_eq!(short("A man shot Ann Reed."), vec![row("shot", 1, "all")]);
    }

    #[test]
    fn a_wound_with_the_person() {
        assert_eq!(short("Officers found a woman with a gunshot wound."), vec![row("shot", 1, "civilians")]);
        // A gun is no wound: the man is only the one arrested.
        assert_eq!(short("Police arrested a man with a gun."), vec![row("arrested", 1, "all")]);
    }

    #[test]
    fn another_is_one_more_person() {
        assert_eq!(short("Another deputy was wounded."), vec![row("injured", 1, "state_forces")]);
        assert_eq!(
            short("Police found one man dead and another wounded."),
            vec![row("killed", 1, "all"), row("injured", 1, "all")]
        );
        assert_eq!(
            short("Another deputy and a woman were also shot."),
            vec![row("injured", 1, "state_forces"), row("injured", 1, "civilians")]
        );
    }

    #[test]
    fn an_active_verb_with_an_object_has_its_subject_for_agent() {
        assert_eq!(short("A man shot an 8-year-old boy on Friday."), vec![row("shot", 1, "civilians")]);
        assert_eq!(short("A man was shot and killed on Friday."), vec![row("killed", 1, "all")]);
        assert_eq!(short("A woman shot her husband, police said."), vec![row("shot", 1, "civilians")]);
        assert_eq!(short("An officer shot the armed suspect in the leg."), vec![row("shot", 1, "armed_group")]);
        assert_eq!(short("A man died the next day."), vec![row("killed", 1, "all")]);
    }

    #[test]
    fn a_death_after_the_relative_clause_says_how_it_ended() {
        assert_eq!(
            short("A 5-year-old boy who was shot in the face at a home has died."),
            vec![row("killed", 1, "civilians")]
        );
        assert_eq!(short("A man who was shot on Friday is recovering."), vec![row("shot", 1, "all")]);
        // A wound's bearer is the subject of the verb of suffering before it.
        assert_eq!(short("A fourth man suffered a gunshot wound in his arm."), vec![row("shot", 1, "all")]);
        assert_eq!(short("A man was held in the killing."), vec![]);
        assert_eq!(
            short("A man who was shot on Friday is recovering, while his friend died."),
            vec![row("shot", 1, "all"), row("killed", 1, "civilians")]
        );
        assert_eq!(
            short("The headmaster who was injured in an attack on Friday died at a hospital on Saturday."),
            vec![row("killed", 1, "civilians")]
        );
        // A reduced relative clause: the participle right behind the person.
        assert_eq!(short("A man shot on Main Street on Sunday died at the hospital."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Boy, 13, shot near the base has died"), vec![row("killed", 1, "civilians")]);
        assert_eq!(short("A juvenile injured in a shooting Monday has died."), vec![row("killed", 1, "civilians")]);
        // Not a death that is someone else's, or not finite.
        assert_eq!(short("A man shot on Sunday saw his friend killed."), vec![row("shot", 1, "all")]);
    }

    #[test]
    fn a_list_that_and_closes_counts_each() {
        assert_eq!(
            short("Police say he fatally shot his girlfriend, her mother, and brother on Monday."),
            vec![row("killed", 3, "civilians")]
        );
        assert_eq!(short("He killed his wife, her mother and a neighbour."), vec![row("killed", 3, "civilians")]);
        // An apposition is the same person.
        assert_eq!(short("His wife, a nurse, was killed on Monday."), vec![row("killed", 1, "civilians")]);
    }

    #[test]
    fn one_article_serves_two_people() {
        assert_eq!(short("The shooting left a man and woman dead."), vec![row("killed", 2, "all")]);
        // Of two known sides, itemised.
        assert_eq!(
            short("Officers found the suspect and child suffering from gunshot wounds."),
            vec![row("shot", 1, "armed_group"), row("shot", 1, "civilians")]
        );
        assert_eq!(
            short("A policeman and a civilian were killed in the attack."),
            vec![row("killed", 1, "state_forces"), row("killed", 1, "civilians")]
        );
    }

    #[test]
    fn people_joined_before_the_cue_count_each() {
        assert_eq!(
            short("A woman and her adopted son were found dead in their home."),
            vec![row("killed", 2, "civilians")]
        );
        assert_eq!(short("A man and a 9-year-old were wounded."), vec![row("injured", 2, "all")]);
        assert_eq!(short("A man was shot and his car was damaged."), vec![row("shot", 1, "all")]);
    }

    #[test]
    fn a_named_person_s_relative() {
        let found = short("Stoffel's wife, Erin, was wounded in the attack.");
        assert_eq!(found, vec![row("injured", 1, "civilians")]);
    }

    #[test]
    fn reflexives() {
        assert_eq!(short("Man accidentally shoots himself in Kelby"), vec![row("shot", 1, "all")]);
        assert_eq!(short("A man accidentally shot himself to death."), vec![row("killed", 1, "all")]);
        assert_eq!(short("He then fatally shot himself."), vec![row("killed", 1, "all")]);
        let found = short("A father killed his son before fatally shooting himself.");
        assert!(
            found.contains(&row("killed", 1, "all")) && found.contains(&row("killed", 1, "civilians")),
            "{found:?}"
        );
    }

    #[test]
    fn a_definite_person_may_die_later_in_the_sentence() {
        assert_eq!(
            short("The man was taken to a hospital where doctors tried to save him, and died."),
            vec![row("killed", 1, "all")]
        );
    }

    #[test]
    fn no_cue_no_claim() {
        assert_eq!(short("A man walked into the shop."), vec![]);
    }

    #[test]
    fn persons_joined_after_the_cue_count_each() {
        assert_eq!(
            short("Police say he killed his former girlfriend and her teenage daughter."),
            vec![row("killed", 2, "civilians")]
        );
        assert_eq!(
            short("He gravely wounded his girlfriend and 9-month-old daughter."),
            vec![row("injured", 2, "civilians")]
        );
    }

    #[test]
    fn the_object_of_a_gerund() {
        assert_eq!(
            short("A man was arrested after accidentally shooting a woman."),
            vec![row("arrested", 1, "all"), row("shot", 1, "civilians")]
        );
        assert_eq!(short("He is charged with stabbing his brother."), vec![row("injured", 1, "civilians")]);
        // A hit where the body says is a shot (`sitrep_annotate::en::hits`).
        assert_eq!(short("The gun went off, hitting a woman in the leg."), vec![row("shot", 1, "civilians")]);
        assert_eq!(short("A man was struck in the chest."), vec![row("shot", 1, "all")]);
        assert_eq!(short("He is accused of fatally shooting a neighbor."), vec![row("killed", 1, "civilians")]);
        // A noun, not a verb: the shooting is what the man saw.
        assert_eq!(short("After the shooting a man called police."), vec![]);
    }
}

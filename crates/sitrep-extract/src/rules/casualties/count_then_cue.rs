//! A count that is the subject or the head of the cue after it.
//!
//! ## What it handles
//! "48 deaths", "more than 70 people dead", "two people were wounded", "no one was hurt",
//! "dozens of deaths and injuries" (a combined figure), "16 officers killed by the militants",
//! "one of the wounded has died" (a part of a group takes the predicate after the group),
//! "four juveniles -- including two children -- were injured" (across an aside: `clause::aside_end`;
//! "four teens, one fatally, were shot": four shot, the aside's one killed),
//! and a list sharing one predicate: "28 fighters and four civilians also died" → both died.
//!
//! ## What it leaves alone
//! A count that is the agent of a transitive "-ing" cue ("two men fired shots, killing a guard"),
//! or armed people who are the agent of an active verb with its object ("the four suspects killed
//! Vergen and Sanchez").
//! A count that was spared ("three survived and one was killed", "none of the other eight were
//! hurt", "the two adults were not injured"); a cue in the relative clause
//! of another noun ("ten friends, including the boy who was killed").
//! A count whose own verb is one of the legal process ("two men were charged in the killing of
//! a teenager": suspects; `lexicons/en/casualties.toml`). A cue that is a reduced relative
//! clause ("four civilians shot by police") applies only to the count right before it, never to
//! earlier list members. Cues across a clause boundary.

use sitrep_annotate::Annotations;

use super::{Count, Tie, clause};

/// How far after a count its cue may stand.
const WINDOW: usize = 12;

pub fn tie(a: &Annotations, counts: &[Count], index: usize, last: usize) -> Option<Tie> {
    let count = &counts[index];
    // "None of the other eight people inside were injured": the count is of those spared.
    let from = count.start.saturating_sub(4);
    if (from..count.start)
        .any(|k| matches!(a.words[k].as_str(), "none" | "neither") && a.words.get(k + 1).is_some_and(|w| w == "of"))
    {
        return None;
    }
    let mut crossed_list_member = false;
    let mut i = count.end;
    while i < last.min(count.end + WINDOW) {
        // "Four juveniles -- including two children -- were injured": the predicate after an
        // aside right behind the count's noun is the count's.
        if i <= count.end + 2
            && let Some(after) = clause::aside_end(a, i, last)
        {
            i = after;
            continue;
        }
        if clause::is_boundary(a, i) {
            return None;
        }
        // "Two men were charged in the killing": the count's own verb makes them suspects.
        if sitrep_annotate::en::lexicons::legal_process().contains(&a.words[i]) {
            return None;
        }
        // "four were shot; three survived and one was killed": the count was spared.
        if sitrep_annotate::en::lexicons::spared().contains(&a.words[i]) {
            return None;
        }
        // "ten friends, including the boy who was killed": the relative clause is the boy's.
        if matches!(a.words[i].as_str(), "who" | "that" | "which")
            && a.victims.iter().any(|v| v.end == i && v.start > count.end + 2)
        {
            return None;
        }
        if let Some(cue) = a.cues.iter().find(|c| c.start == i) {
            // "without firing a shot", "a single shot": the noun, a gunshot, not a predicate;
            // "the two adults were not injured": nothing befell them.
            if super::gunshot_noun(a, cue) || super::negated(a, cue.start) {
                return None;
            }
            // "Three men brought a wounded teenager to the hospital": a cue after a determiner
            // qualifies its own noun, not the count before it.
            if cue.start > count.end && matches!(a.words[cue.start - 1].as_str(), "a" | "an") {
                return None;
            }
            // "four victims suffered minor injuries": a noun that says nothing of what befell
            // them ("victims", "casualties") gives way to the predicate after it, when there is one.
            if cue.value.kind == "ambiguous"
                && cue.start == count.end
                && let Some(tie) = predicate_after(a, counts, cue.end, last.min(count.end + WINDOW), true)
            {
                return Some(tie);
            }
            // "Both victims were rushed to a local hospital": victims carried to care were hit,
            // whether they lived is told elsewhere ("… where one died").
            if cue.value.kind == "ambiguous"
                && cue.start == count.end
                && let Some(end) = carried_to_hospital(a, cue.end, last.min(count.end + WINDOW))
            {
                return Some(Tie { kinds: vec!["shot".to_owned()], start: cue.start, end });
            }
            // "One of the wounded has died", "one of the victims died": a part of a group named
            // by what befell it; what befalls the part is the predicate after, when there is one.
            let partitive = cue.start == count.end + 2
                && a.words[count.end] == "of"
                && matches!(a.words[count.end + 1].as_str(), "the" | "those");
            if partitive && let Some(tie) = predicate_after(a, counts, cue.end, last.min(cue.end + WINDOW), false) {
                return Some(tie);
            }
            // "None of the injuries were life-threatening": none of a group says the group is
            // there, not that no one was hurt.
            if partitive && count.quantity.value == 0 {
                return None;
            }
            // "a party of 400 people ended in gunfire that killed one man": a cue with a count
            // of its own right after it counts those, not the count before it.
            // Not one with a cue of its own right after it: "2 killed 3 injured".
            if counts.iter().any(|c| c.start == cue.end && c.start > count.end && !super::has_own_cue(a, c))
                && cue.value.kind != "ambiguous"
            {
                return None;
            }
            // "the four suspects killed Vergen and Sanchez": the count is the agent of an active
            // verb with its object after it.
            if active_with_object(a, counts, count, cue) {
                return None;
            }
            // "Two men opened fire, killing a guard": the count is the agent of a transitive
            // "-ing" cue, whose victims follow it.
            if ing_verb(a, cue.start, cue.end) && a.words.get(cue.end).is_none_or(|w| w != "of") {
                return None;
            }
            // "shot by", "killed by": a participle modifying the nearest noun only.
            let reduced_relative = a.words.get(cue.end).is_some_and(|w| w == "by");
            if crossed_list_member && reduced_relative {
                return None;
            }
            let mut kinds = vec![cue.value.kind.clone()];
            // "dozens wounded and captured": one count, two predicates; not a second verb with an
            // object of its own ("left eight people injured and killed 37-year-old Ann Reed").
            if let Some(second) = super::chained(a, cue.end)
                && second.value.kind != cue.value.kind
                && !has_object(a, counts, second.end)
            {
                kinds.push(second.value.kind.clone());
            }
            return Some(Tie { kinds, start: cue.start, end: cue.end });
        }
        if let Some(next) = counts.iter().find(|c| c.start == i) {
            // Another count: a list member only after "and" or a comma; "200 teens were at the
            // party and four of them were shot": a part ("of them") takes the predicate alone.
            if !matches!(a.words[i - 1].as_str(), "and" | "," | "or")
                || a.words.get(next.end).is_some_and(|w| w == "of")
            {
                return None;
            }
            crossed_list_member = true;
            i = next.end;
            continue;
        }
        i += 1;
    }
    None
}

/// Whether the cue is an active verb whose object follows it, the count before it its agent:
/// armed people ("the four suspects", "two gunmen"), then a past tense of killing or wounding
/// (no auxiliary before it: "four were killed" is passive), then a name, a count with no cue
/// of its own, an age, or a personal pronoun ("killed her").
/// Not a date ("Two killed Monday") nor a count with its own cue ("2 killed 3 injured").
fn active_with_object(
    a: &Annotations,
    counts: &[Count],
    count: &Count,
    cue: &sitrep_annotate::Tagged<sitrep_annotate::en::lexicons::Cue>,
) -> bool {
    let verb = cue.end - cue.start == 1 && ACTIVE_PAST.contains(&a.words[cue.start].as_str());
    let auxiliary = cue.start > count.end
        && matches!(
            a.words[cue.start - 1].as_str(),
            "was" | "were" | "been" | "being" | "is" | "are" | "be" | "got" | "get"
        );
    // Agents are armed: "the four suspects", "two gunmen", "three officers". A count of
    // people at large before a capitalised word is a headline's ("5 injured SAPD officials …").
    let armed = a.victims.iter().any(|v| {
        v.start >= count.end
            && v.start <= count.end + 1
            && matches!(v.value.category.as_str(), "armed_group" | "state_forces")
    });
    if !verb || auxiliary || !armed {
        return false;
    }
    let at = cue.end;
    let dated = super::in_date(a, at);
    let counted_apart = counts.iter().any(|c| c.start == at && super::has_own_cue(a, c));
    let pronoun = a.words.get(at).is_some_and(|w| matches!(w.as_str(), "him" | "her" | "them"));
    // A headline capitalises its prepositions: "3 Adults Injured In Shooting".
    let preposition = a.words.get(at).is_some_and(|w| TITLE_LINKS.contains(&w.as_str()));
    !dated && !counted_apart && !preposition && (pronoun || has_object(a, counts, at))
}

/// Words after a verb that a headline capitalises and that are no object.
const TITLE_LINKS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "near",
    "during",
    "outside",
    "inside",
    "for",
    "from",
    "by",
    "with",
    "as",
    "while",
    "following",
    "overnight",
    "and",
    "or",
    "but",
    "when",
    "early",
    "late",
    "last",
    "this",
    "over",
    "into",
    "amid",
];

/// Past tenses of verbs of killing and wounding that take their victim as object.
pub(super) const ACTIVE_PAST: &[&str] = &["killed", "shot", "wounded", "injured", "murdered", "stabbed", "slew"];

/// Whether an object starts at token `at`: a count, an age as a noun, a capitalised name.
fn has_object(a: &Annotations, counts: &[Count], at: usize) -> bool {
    counts.iter().any(|c| c.start == at)
        || super::singular_victim::age_end(a, at).is_some()
        || a.tokens.get(at).is_some_and(|t| {
            t.kind == sitrep_annotate::en::tokens::TokenKind::Word
                && t.span.slice(&a.text).starts_with(|c: char| c.is_uppercase())
        })
}

/// The first cue of a definite kind from token `from` to the clause's end (before `to`): the
/// predicate of a count whose head noun is ambiguous. Not past another count, an "-ing" cue
/// (whose victims are its object) or a relative pronoun, unless `own_relative` and the pronoun
/// stands right at `from` (the noun's own relative clause).
fn predicate_after(a: &Annotations, counts: &[Count], from: usize, to: usize, own_relative: bool) -> Option<Tie> {
    for i in from..to {
        // "six victims who were injured": a relative clause right behind the noun is its own.
        let relative = matches!(a.words[i].as_str(), "who" | "that" | "which") && !(own_relative && i == from);
        if clause::is_boundary(a, i) || relative || counts.iter().any(|c| c.start == i) {
            return None;
        }
        if let Some(cue) = a.cues.iter().find(|c| c.start == i) {
            if cue.value.kind == "ambiguous" || ing_verb(a, cue.start, cue.end) {
                return None;
            }
            return Some(Tie { kinds: vec![cue.value.kind.clone()], start: cue.start, end: cue.end });
        }
    }
    None
}

/// Where a verb of being carried and a hospital after it end, in the clause from `from` to
/// `to` ("were [all] rushed to a local hospital").
fn carried_to_hospital(a: &Annotations, from: usize, to: usize) -> Option<usize> {
    let verb = (from..to)
        .take_while(|&i| !clause::is_boundary(a, i))
        .find(|&i| sitrep_annotate::en::lexicons::carried().contains(&a.words[i]))?;
    (verb + 1..to.min(verb + 6))
        .take_while(|&i| !clause::is_boundary(a, i))
        .find_map(|i| sitrep_annotate::en::lexicons::hospitals().longest_at(&a.words[..to], i))
        .map(|m| m.end)
}

/// Whether the cue at `[start, end)` is a transitive "-ing" verb, or the adverb of one
/// ("fatally wounding": "fatally" is a cue of its own).
fn ing_verb(a: &Annotations, start: usize, end: usize) -> bool {
    is_transitive_ing(&a.words[start])
        || (a.words[end - 1].ends_with("ly") && a.words.get(end).is_some_and(|w| is_transitive_ing(w)))
}

/// "killing", "wounding", "injuring": a verb whose object is its victim ("dying" has none).
fn is_transitive_ing(word: &str) -> bool {
    word.ends_with("ing") && word != "dying"
}

#[cfg(test)]
mod tests {
    use super::super::testing::{claims_of, row, short};

    #[test]
    fn counts_before_their_cues() {
        assert_eq!(short("The clashes resulted in 48 deaths."), vec![row("killed", 48, "all")]);
        assert_eq!(short("Two people were wounded."), vec![row("injured", 2, "all")]);
        assert_eq!(short("No one was hurt."), vec![row("injured", 0, "all")]);
        assert_eq!(short("None of the injuries were life-threatening."), vec![]);
        // Those spared: negated, or counted under "none of".
        assert_eq!(short("The two adults in the car were not injured."), vec![]);
        assert_eq!(short("Three others had not been hurt."), vec![]);
        assert_eq!(short("None of the other eight people inside the home were injured."), vec![]);
        // A cue qualifying a noun of its own.
        assert_eq!(
            short("Three men brought a wounded teenager to the hospital."),
            vec![row("injured", 1, "civilians")]
        );
        assert_eq!(short("They face charges for six victims who were injured."), vec![row("injured", 6, "all")]);
        assert_eq!(short("Both victims were rushed to a local hospital."), vec![row("shot", 2, "all")]);
        assert_eq!(short("Two victims were found in the car."), vec![row("ambiguous", 2, "all")]);
        let got = claims_of("Clashes have left more than 70 people dead.");
        assert_eq!((got[0].1, got[0].2.as_str()), (70, "more_than"));
    }

    #[test]
    fn a_cue_with_its_own_count_is_not_the_earlier_count_s() {
        assert_eq!(short("A party of 400 guests ended in gunfire that killed one man."), vec![row("killed", 1, "all")]);
    }

    #[test]
    fn a_second_verb_with_its_own_object_is_not_the_count_s() {
        let got = short("The shooting left eight people injured and killed 37-year-old Ann Reed.");
        assert!(got.contains(&row("injured", 8, "all")) && !got.iter().any(|r| r.0 == "killed" && r.1 == 8), "{got:?}");
    }

    #[test]
    fn a_part_of_a_crowd_and_a_shot_fired() {
        assert_eq!(
            short("Nearly 200 teens were at the party and four of them were shot."),
            vec![row("shot", 4, "all")]
        );
        assert!(short("The officer scattered 300 people without firing a shot.").is_empty());
    }

    #[test]
    fn victims_take_the_predicate_after_them() {
        assert_eq!(short("All four victims suffered minor injuries."), vec![row("injured", 4, "all")]);
        assert_eq!(short("Three victims died at the scene."), vec![row("killed", 3, "all")]);
        assert_eq!(short("Police found four victims."), vec![row("ambiguous", 4, "all")]);
    }

    #[test]
    fn a_count_takes_its_predicate_across_an_aside() {
        for text in [
            "Four juveniles -- including two children -- were injured on Monday.",
            "Four juveniles, including two children, were injured on Monday.",
            "Four juveniles (including two children) were injured on Monday.",
        ] {
            let got = short(text);
            assert!(got.contains(&row("injured", 4, "civilians")), "{text}: {got:?}");
        }
        let got = short("Four people — two men and two women — were wounded.");
        assert!(got.contains(&row("injured", 4, "all")), "{got:?}");
        // A share told as an aside: the predicate is the count's, the adverb the share's.
        let got = short("Four teens, one fatally, were shot outside a restaurant.");
        assert!(
            got.contains(&row("shot", 4, "civilians")) && !got.iter().any(|r| r.0 == "killed" && r.1 == 4),
            "{got:?}"
        );
        let got = short("Three men, two of them fatally, were shot.");
        assert!(got.contains(&row("shot", 3, "all")), "{got:?}");
        // A clause of its own between the count and a later verb is no aside.
        assert_eq!(short("Four people, police said, were wounded."), vec![row("injured", 4, "all")]);
    }

    #[test]
    fn a_part_of_a_group_takes_the_predicate_after_the_group() {
        assert_eq!(short("One of the wounded has died, police said."), vec![row("killed", 1, "all")]);
        assert_eq!(short("Two of the victims died at the hospital."), vec![row("killed", 2, "all")]);
        assert_eq!(short("One of the injured is in critical condition."), vec![row("injured", 1, "all")]);
        assert_eq!(short("Two of the victims are in critical but stable condition."), vec![row("injured", 2, "all")]);
    }

    #[test]
    fn a_list_shares_its_predicate() {
        assert_eq!(
            short("Rebels killed 16 soldiers, while 28 fighters and four civilians also died."),
            vec![row("killed", 16, "state_forces"), row("killed", 28, "armed_group"), row("killed", 4, "civilians")]
        );
    }

    #[test]
    fn a_reduced_relative_belongs_to_its_own_noun() {
        let got = short("The dead included 5 guards, two civilians shot by snipers, and 3 drivers killed by a mine.");
        assert!(got.contains(&row("shot", 2, "civilians")), "{got:?}");
        assert!(got.contains(&row("killed", 3, "civilians")), "{got:?}");
        // 5 is not "shot": it takes "the dead" before it (cue_before_loosely).
        assert!(got.contains(&row("killed", 5, "state_forces")), "{got:?}");
    }

    #[test]
    fn combined_and_double_predicates() {
        assert_eq!(short("Dozens of deaths and injuries were reported."), vec![row("combined", 12, "all")]);
        assert_eq!(short("Dozens wounded and captured."), vec![row("injured", 12, "all"), row("captured", 12, "all")]);
        assert_eq!(
            short("Two men were shot and seriously wounded."),
            vec![row("shot", 2, "all"), row("injured", 2, "all")]
        );
    }

    #[test]
    fn the_spared_and_other_nouns_relatives_are_not_counted() {
        assert_eq!(
            short("Four people were shot; three survived and friends say Ann was killed."),
            vec![row("shot", 4, "all"), row("killed", 1, "all")]
        );
        assert_eq!(
            short("She was with about 10 friends, including the boy who was killed."),
            vec![row("killed", 1, "civilians")]
        );
    }

    #[test]
    fn the_agent_of_an_active_verb_is_not_its_victim() {
        // The two named are the dead, not the four.
        assert_eq!(short("Police say the four suspects killed Vergen and Sanchez."), vec![row("killed", 2, "all")]);
        assert_eq!(short("Two gunmen shot him outside a store."), vec![row("shot", 1, "all")]);
        // Passives and headline participles before a date or a count of their own stay.
        assert_eq!(short("Four people were killed Monday."), vec![row("killed", 4, "all")]);
        assert_eq!(short("Two killed Monday in Marlow shooting"), vec![row("killed", 2, "all")]);
        assert_eq!(short("3 Adults Injured In Marlow Shooting"), vec![row("injured", 3, "civilians")]);
    }

    #[test]
    fn the_agent_of_an_ing_cue_is_not_its_victim() {
        assert_eq!(
            short("At least two men fired shots, killing Ann Reed and injuring three students."),
            vec![row("injured", 3, "civilians"), row("killed", 1, "all")]
        );
        assert_eq!(
            short("One of the officers returned fire, fatally wounding the suspect."),
            vec![row("killed", 1, "armed_group")]
        );
    }

    #[test]
    fn suspects_charged_in_a_killing_are_not_its_dead() {
        assert_eq!(short("Two men were indicted in the killing of a teenager."), vec![row("killed", 1, "all")]);
        assert_eq!(
            short("Three suspects were charged in the shooting death of a Tyre man."),
            vec![row("killed", 1, "all")]
        );
    }
}

//! Clauses inside a sentence, as far as the rules need them: a count and its cue must stand in
//! the same clause. A clause ends at ";", ":", a dash, and before "while", "whereas", "but",
//! "although", "after", "when" (which open a new clause with its own verb).
//!
//! Example: "gunmen killed 16 officers, while 28 attackers died" — "16" and "died" are in
//! different clauses. Commas alone do not end a clause: they also separate list members.

use sitrep_annotate::Annotations;

const BOUNDARIES: &[&str] =
    &[";", ":", "—", "while", "whereas", "but", "although", "though", "after", "before", "when", "as"];

/// True when token `i` ends or opens a clause.
pub fn is_boundary(a: &Annotations, i: usize) -> bool {
    BOUNDARIES.contains(&a.words[i].as_str())
}

/// Longest aside, in tokens, that a count's predicate is read across.
const ASIDE: usize = 12;

/// Where an aside opening at token `at` ends (the token after its closing mark), within `last`:
/// "(including two children)", "-- including two children --", "— two men and two women —",
/// ", including two children,". An aside between a count and its predicate ("Four people,
/// including two children, were injured") leaves the predicate to the count. A comma opens an
/// aside only before "including" or "among"; an aside that holds a cue or ends no clause-free
/// stretch is none.
pub fn aside_end(a: &Annotations, at: usize, last: usize) -> Option<usize> {
    if let Some(after) = share_aside_end(a, at, last) {
        return Some(after);
    }
    let is_dash = |w: &str| matches!(w, "-" | "--" | "—" | "–");
    let open = a.words[at].as_str();
    let close: &dyn Fn(&str) -> bool = match open {
        "(" => &|w| w == ")",
        "," if a.words.get(at + 1).is_some_and(|w| matches!(w.as_str(), "including" | "among")) => &|w| w == ",",
        w if is_dash(w) => &is_dash,
        _ => return None,
    };
    // "--" may come as two tokens.
    let from = if is_dash(open) && a.words.get(at + 1).is_some_and(|w| is_dash(w)) { at + 2 } else { at + 1 };
    let end = (from..last.min(from + ASIDE)).find(|&i| close(&a.words[i]))?;
    let inner_cue = a.cues.iter().any(|c| c.start >= from && c.start < end);
    if end == from || inner_cue || (from..end).any(|i| matches!(a.words[i].as_str(), ";" | ":")) {
        return None;
    }
    let after =
        if is_dash(&a.words[end]) && a.words.get(end + 1).is_some_and(|w| is_dash(w)) { end + 2 } else { end + 1 };
    (after < last).then_some(after)
}

/// Where a share told as an aside ends: ", one fatally,", ", two of them critically," between
/// a count and its predicate ("Four teens, one fatally, were shot"): the predicate is the
/// count's, the adverb the share's own cue ("one fatally": killed).
fn share_aside_end(a: &Annotations, at: usize, last: usize) -> Option<usize> {
    if a.words[at] != "," {
        return None;
    }
    let first = a.tokens.get(at + 1)?;
    let share = a.quantities.iter().find(|q| q.span.start == first.span.start)?;
    let mut i = at + 1;
    while i < last && a.tokens[i].span.end <= share.span.end {
        i += 1;
    }
    if a.words.get(i..i + 2).is_some_and(|w| w[0] == "of" && matches!(w[1].as_str(), "them" | "whom")) {
        i += 2;
    }
    let adverb =
        a.words.get(i).is_some_and(|w| matches!(w.as_str(), "fatally" | "mortally" | "critically" | "seriously"));
    (adverb && a.words.get(i + 1).is_some_and(|w| w == ",") && i + 2 < last).then_some(i + 2)
}

/// The token range `[start, end)` of the clause around token `at`, within `[first, last)`.
pub fn around(a: &Annotations, at: usize, first: usize, last: usize) -> (usize, usize) {
    let start = (first..at).rev().find(|&i| is_boundary(a, i)).map_or(first, |i| i + 1);
    // A count standing on a boundary word ("as many as 5") still has itself as its clause.
    let end = (at + 1..last).find(|&i| is_boundary(a, i)).unwrap_or(last).max(at + 1);
    (start.min(at), end)
}

/// True when the clause speaks of a running total or a tally ("the death toll", "so far").
pub fn has_aggregate_hint(a: &Annotations, (start, end): (usize, usize)) -> bool {
    let hints = sitrep_annotate::en::lexicons::aggregate_hints();
    let regions = sitrep_annotate::en::lexicons::aggregate_regions();
    let over_region = |i: usize| {
        regions.longest_at(&a.words[..end], i).is_some()
            && (1..=2).any(|k| {
                i > start + k
                    && a.words[i - k] == "the"
                    && matches!(a.words[i - k - 1].as_str(), "on" | "along" | "across")
            })
    };
    // "earlier this month": a date of one incident, not the month's tally.
    let dated = |i: usize| i > start && sitrep_annotate::en::lexicons::dated_by().contains(&a.words[i - 1]);
    // "the toll rose to 48": a verb of reaching with its figure (within "more than" of it).
    let reaching = |i: usize| {
        sitrep_annotate::en::lexicons::aggregate_reaching().longest_at(&a.words[..end], i).is_some_and(|m| {
            let at = a.tokens.get(m.end).map(|t| t.span.start);
            at.is_some_and(|at| {
                a.quantities.iter().any(|q| q.span.start >= at && a.token_at(q.span.start) <= m.end + 2)
            })
        })
    };
    // "in about ten hours", "over the past 48 hours": a stretch of several units of time.
    let period = |i: usize| {
        sitrep_annotate::en::lexicons::period_words().contains(&a.words[i])
            && (i + 2..end.min(i + 5)).any(|j| {
                sitrep_annotate::en::lexicons::period_units().contains(&a.words[j]) && {
                    // (Numbers of time units are no counts of people: read the word itself.)
                    let n = &a.words[j - 1];
                    n.bytes().all(|b| b.is_ascii_digit()) || sitrep_annotate::en::numbers::word_number(n).is_some()
                }
            })
    };
    // "have since been released": "since" as an adverb after its auxiliary tells no stretch.
    let adverb =
        |i: usize| a.words[i] == "since" && i > start && matches!(a.words[i - 1].as_str(), "has" | "have" | "had");
    // "just over a year earlier": a point in time, not a year's tally.
    let hint = |i: usize| {
        hints.longest_at(&a.words[..end], i).is_some_and(|m| {
            !dated(i)
                && !adverb(i)
                && !a.words.get(m.end).is_some_and(|w| sitrep_annotate::en::lexicons::dated_after().contains(w))
        })
    };
    // "in two separate shootings", "in five shooting incidents": several incidents counted.
    let (from, to) = (a.tokens[start].span.start, a.tokens[end - 1].span.end);
    let several = a.quantities.iter().filter(|q| q.span.start >= from && q.span.end <= to && q.value >= 2).any(|q| {
        let after = a.token_at(q.span.end - 1) + 1;
        (after..end.min(after + 3)).any(|k| sitrep_annotate::en::lexicons::plural_incidents().contains(&a.words[k]))
    });
    // "wounded in shootings from Friday morning to Saturday morning": a stretch between two
    // days, a tally of what happened over it.
    let stretch = a.dates.iter().filter(|d| d.span.start >= from && d.span.end <= to).any(|d| {
        let after = a.token_at(d.span.end - 1) + 1;
        a.words.get(after).is_some_and(|w| matches!(w.as_str(), "to" | "through" | "until" | "till"))
            && a.dates.iter().any(|e| e.start != d.start && a.token_at(e.span.start) == after + 1)
    });
    // "at least 265 children shot themselves or someone else in 2015": a count over a whole
    // year is a year's tally, unless the clause names the one incident ("a shooting last year
    // that left three dead").
    let one_incident = || {
        a.triggers.iter().any(|t| {
            let at = a.token_at(t.span.start);
            t.span.start >= from
                && t.span.end <= to
                && (at.saturating_sub(3).max(start)..at)
                    .any(|j| matches!(a.words[j].as_str(), "a" | "an" | "the" | "that" | "this"))
                && !a.words[a.token_at(t.span.end - 1)].ends_with('s')
        })
    };
    // (A year naming the incident, "the 2013 triple homicide", dates it.)
    let year = a.dates.iter().any(|d| {
        d.precision == 5
            && d.span.start >= from
            && d.span.end <= to
            && !crate::rules::reports::frames::dates_a_trigger(a, d.span)
    }) && !one_incident();
    several || stretch || year || (start..end).any(|i| hint(i) || reaching(i) || over_region(i) || period(i))
}

/// True when a date of the past stands in the clause ("In 2012, 13 died", "Last month, two
/// officers were killed"): its figures are background. Not a date that names the incident
/// itself ("the March 9 shooting that killed six"): a follow-up story's toll.
pub fn is_past(a: &Annotations, (start, end): (usize, usize)) -> bool {
    if start >= end {
        return false;
    }
    let (from, to) = (a.tokens[start].span.start, a.tokens[end - 1].span.end);
    a.dates.iter().any(|d| {
        d.role == "past"
            && d.span.start >= from
            && d.span.end <= to
            && !crate::rules::reports::frames::dates_a_trigger(a, d.span)
    })
}

/// True when the sentence opens with a date of the past and a colon before the clause: a
/// timeline's entry ("August 1982: Eight people were killed at a welding shop") is background.
pub fn has_past_heading(a: &Annotations, first: usize, (start, _): (usize, usize)) -> bool {
    start > first + 1 && a.words[start - 1] == ":" && is_past(a, (first, start - 1))
}

#[cfg(test)]
mod tests {
    use super::super::testing::claims_of;

    #[test]
    fn a_figure_over_several_incidents_counted_is_a_tally() {
        for text in [
            "Police are investigating two separate shootings that left six people injured.",
            "One man was killed and six other people wounded in two South Side shootings Sunday.",
        ] {
            let claims = claims_of(text);
            assert!(!claims.is_empty() && claims.iter().all(|c| c.4), "{text}: {claims:?}");
        }
        // One incident, or its shots.
        assert!(claims_of("Two people were wounded in a shooting that saw 20 shots fired.").iter().all(|c| !c.4));
    }

    #[test]
    fn a_period_before_earlier_or_ago_is_a_point_in_time() {
        let text = "Ann Reed was killed in a shooting on a block that saw a similar shooting just over a year earlier.";
        assert!(claims_of(text).iter().all(|c| !c.4), "{:?}", claims_of(text));
        assert!(claims_of("About 40 people are killed a year in such attacks.").iter().all(|c| c.4));
    }

    #[test]
    fn a_figure_over_a_stretch_of_hours_or_days_is_a_tally() {
        for text in [
            "Twelve people, including two children, were shot in Chicago in about ten hours.",
            "Nine people were shot over the past 48 hours.",
            "At least 16 people were wounded in Marlow from Friday morning to Saturday morning.",
        ] {
            let claims = claims_of(text);
            assert!(!claims.is_empty() && claims.iter().all(|c| c.4), "{text}: {claims:?}");
        }
        // One incident's time of day is no stretch: "at 2 a.m.", "for two hours".
        assert!(claims_of("Two people were shot at 2 a.m. Sunday.").iter().all(|c| !c.4));
        assert!(claims_of("Two people were shot Friday night, police said Saturday.").iter().all(|c| !c.4));
    }

    #[test]
    fn tolls_of_the_past_are_background() {
        assert!(claims_of("In 2012, 13 people died in such accidents.").is_empty());
        assert_eq!(claims_of("Two people died on Thursday.").len(), 1);
        // The incident a follow-up is about, dated by the trigger it modifies.
        let got = claims_of("Police arrested a man in the January 9 shooting that killed two people.");
        assert!(got.iter().any(|c| c.0 == "killed" && c.1 == 2), "{got:?}");
        // A timeline's entry.
        assert!(claims_of("August 1982: Eight people were killed at a welding shop.").is_empty());
        assert_eq!(claims_of("Update: Eight people were killed at a welding shop.").len(), 1);
        assert!(claims_of("June 2010: A man was shot dead at a Tyre restaurant.").is_empty());
    }

    #[test]
    fn running_totals_are_aggregates() {
        let got = claims_of("The death toll from the week of clashes rose to 61, the ministry said.");
        assert!(got[0].4, "{got:?}");
        let got = claims_of("Over 30 were killed in raids on the northern coast.");
        assert!(got[0].4, "{got:?}");
        let got = claims_of("Three people were killed in the blast.");
        assert!(!got[0].4, "{got:?}");
        let got = claims_of("Five people were shot dead this month.");
        assert!(got[0].4, "{got:?}");
        let got = claims_of("At least 265 children shot themselves or someone else in 2023.");
        assert!(got.iter().all(|c| c.4), "{got:?}");
        let got =
            claims_of("Three men were arrested for a gang-related shooting in 2024 that left three teenagers dead.");
        assert!(got.iter().any(|c| c.1 == 3 && c.2 == "exact" && !c.4), "{got:?}");
        let got = claims_of("Three men arrested for 2024 triple homicide");
        assert!(got.iter().any(|c| c.0 == "killed" && c.1 == 3 && !c.4), "{got:?}");
        let got = claims_of("Nine people have been killed since Thursday.");
        assert!(got[0].4, "{got:?}");
        // "since" as an adverb after its auxiliary.
        let got = claims_of("Eight people were taken to a hospital with injuries and have since been released.");
        assert!(!got[0].4, "{got:?}");
        let got = claims_of("Police arrested a man in a gun battle earlier this month that left one dead.");
        assert!(got.iter().all(|c| !c.4), "{got:?}");
        // A verb of reaching is a tally with its figure only; "a total of" counts one incident.
        let got = claims_of("The number of dead exceeded 70 by Friday.");
        assert!(got[0].4, "{got:?}");
        let got = claims_of("The feud reached a point where he shot and killed all four people inside.");
        assert!(!got[0].4, "{got:?}");
        let got = claims_of("A total of three people were killed at the house.");
        assert!(!got[0].4, "{got:?}");
        let got = claims_of("The deaths were ruled homicides, which pushed the county's total to 34 killed.");
        assert!(got.iter().any(|c| c.1 == 34 && c.4), "{got:?}");
    }
}

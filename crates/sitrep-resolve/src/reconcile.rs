//! An event's figures from its claims, by DESIGN's rules, each figure with the claims and the
//! rule that gave it.
//!
//! ## The rules
//! - A **statement** is what one document says about the event. Its figure for a kind (killed,
//!   injured) is the largest that counts everyone ("five people died"), the sum of the largest
//!   per victim category when the document only itemises ("two officers and a bystander"), or
//!   the number of victims it names one by one (a surname alone being the person named in
//!   full), whichever is largest. Injured also counts the
//!   people shot who are not among the killed ("five were shot, two fatally" → 3 injured);
//!   a victim named among the wounded and among the dead is dead, not injured; the shot of
//!   one side and the dead of another are different people (a deputy shot, the gunman dead).
//! - **low** is the lowest statement, **high** the highest (a range's upper end included),
//!   **best** the statement that is specific (not a vague word, not "up to"), then stated by the
//!   most documents (a syndicated copy and its original are one), then latest, then largest:
//!   three outlets saying two dead outweigh one saying four; between one and one, a later count
//!   beats an earlier one; an itemised count beats "dozens".
//! - Per **victim category**, the best statement's itemisation, or else the latest statement
//!   that itemises; `unknown` is what the categories leave of best.
//! - **Parts and wholes**: parts that do not sum to their whole flag `parts_do_not_sum`; both
//!   are kept.
//! - **Killed or wounded** figures bound both kinds from above when nothing else is stated,
//!   without being either.
//! - An **aggregate**'s statements are running totals: a later one from the same claimant
//!   supersedes an earlier one (kept as a claim, not counted in low or high).
//!
//! Not here: which claims belong to the event (clustering did that).

use std::collections::BTreeMap;

use jiff::civil::Date;
use sitrep_model::{Claim, Derivation, Fatalities, Injuries};

/// One document's claims about the event.
#[derive(Debug, Clone)]
pub struct Statement {
    pub published: Option<Date>,
    /// Whose words these are: the document, or the one it is a copy of (syndication is one
    /// voice).
    pub voice: usize,
    /// Indexes into the event's claims.
    pub claims: Vec<usize>,
}

/// The reconciled figures, how each was obtained, and what did not add up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub fatalities: Fatalities,
    pub injuries: Injuries,
    pub derivation: Vec<Derivation>,
    pub flags: Vec<String>,
}

/// A statement's figure for one kind.
#[derive(Debug, Clone)]
struct Stated {
    value: u32,
    high: u32,
    specific: bool,
    published: Option<Date>,
    voice: usize,
    claimant: String,
    /// Largest figure per victim category, with its claim.
    categories: BTreeMap<String, (u32, usize)>,
    claims: Vec<usize>,
    rule: &'static str,
}

pub fn reconcile(claims: &[Claim], statements: &[Statement], aggregate: bool) -> Figures {
    let mut out = Figures::default();
    let counted = |c: &Claim| aggregate || !c.aggregate;
    let killed: Vec<Stated> =
        statements.iter().filter_map(|s| stated(claims, s, "killed", &counted)).collect::<Vec<_>>();
    let injured: Vec<Stated> = statements
        .iter()
        .filter_map(|s| {
            // "Reed was wounded in the head … Reed died": the wounded named are not the dead.
            let dead_names: Vec<&str> = s
                .claims
                .iter()
                .filter(|&&i| claims[i].kind == "killed" && counted(&claims[i]))
                .flat_map(|&i| claims[i].victims.iter().map(String::as_str))
                .collect();
            let alive = |c: &Claim| {
                counted(c)
                    && (c.victims.is_empty() || !c.victims.iter().all(|v| dead_names.iter().any(|d| same_person(v, d))))
            };
            let direct = stated(claims, s, "injured", &alive);
            let shot = stated(claims, s, "shot", &counted);
            // "The suspect died … a deputy was shot": the shot are of another side than the dead.
            let categories = |kind: &str| -> Vec<&str> {
                s.claims
                    .iter()
                    .filter(|&&i| claims[i].kind == kind && counted(&claims[i]))
                    .map(|&i| claims[i].category.as_str())
                    .collect()
            };
            let (shot_sides, dead_sides) = (categories("shot"), categories("killed"));
            let apart = !shot_sides.contains(&"all")
                && !dead_sides.contains(&"all")
                && shot_sides.iter().all(|c| !dead_sides.contains(c));
            let dead = if apart { 0 } else { stated(claims, s, "killed", &counted).map_or(0, |k| k.value) };
            let not_dead = shot.filter(|x| x.value > dead).map(|mut x| {
                x.value -= dead;
                x.high = x.value;
                x.categories.clear();
                x.rule = "people shot who are not among the killed";
                x
            });
            match (direct, not_dead) {
                (Some(d), Some(n)) => Some(if n.value > d.value { n } else { d }),
                (d, n) => d.or(n),
            }
        })
        .collect();
    let killed = if aggregate { latest_per_claimant(killed) } else { killed };
    let injured = if aggregate { latest_per_claimant(injured) } else { injured };
    let bound = combined_bound(claims, statements, &counted);

    let k = range(&killed, bound, "fatalities", &mut out.derivation);
    out.fatalities = Fatalities { low: k.0, best: k.1, high: k.2, ..Fatalities::default() };
    let i = range(&injured, bound, "injuries", &mut out.derivation);
    out.injuries = Injuries { low: i.0, best: i.1, high: i.2 };
    split_by_category(&killed, &mut out);
    let differ = |s: &[Stated]| s.windows(2).any(|w| w[0].value != w[1].value);
    if differ(&killed) || differ(&injured) {
        out.flags.push("claims_disagree".into());
    }
    if parts_do_not_sum(claims) {
        out.flags.push("parts_do_not_sum".into());
    }
    out
}

/// What one statement says for a kind, if it says anything.
fn stated(claims: &[Claim], s: &Statement, kind: &str, counted: &dyn Fn(&Claim) -> bool) -> Option<Stated> {
    let of_kind: Vec<usize> =
        s.claims.iter().copied().filter(|&i| claims[i].kind == kind && counted(&claims[i])).collect();
    if of_kind.is_empty() {
        return None;
    }
    // The largest; among equals the first stated (the lead before the headline's echo).
    let everyone = of_kind
        .iter()
        .copied()
        .filter(|&i| claims[i].category == "all")
        .max_by(|&a, &b| claims[a].value.cmp(&claims[b].value).then(b.cmp(&a)));
    let mut categories: BTreeMap<String, (u32, usize)> = BTreeMap::new();
    for &i in of_kind.iter().filter(|&&i| claims[i].category != "all") {
        let entry = categories.entry(claims[i].category.clone()).or_insert((claims[i].value, i));
        if claims[i].value > entry.0 {
            *entry = (claims[i].value, i);
        }
    }
    // Saturating: a count may be as large as a u32 holds.
    let itemised: u32 = categories.values().fold(0u32, |sum, v| sum.saturating_add(v.0));
    let named = distinct_people(of_kind.iter().flat_map(|&i| claims[i].victims.iter().map(String::as_str)));
    let everyone_value = everyone.map_or(0, |i| claims[i].value);
    let (value, rule, giving): (u32, &'static str, Vec<usize>) =
        if everyone.is_some() && everyone_value >= itemised && everyone_value >= named.len() as u32 {
            (everyone_value, "the largest figure counting everyone", everyone.into_iter().collect())
        } else if itemised >= named.len() as u32 {
            (itemised, "the sum of the figures per victim category", categories.values().map(|v| v.1).collect())
        } else {
            let naming = of_kind.iter().copied().filter(|&i| !claims[i].victims.is_empty()).collect();
            (named.len() as u32, "the victims named one by one", naming)
        };
    let first = giving.first().map(|&i| &claims[i]);
    let specific = first.is_none_or(|c| !matches!(c.qualifier.as_str(), "vague" | "up_to"));
    let high = giving.iter().map(|&i| claims[i].high.unwrap_or(claims[i].value)).max().unwrap_or(value).max(value);
    Some(Stated {
        value,
        high,
        specific,
        published: s.published,
        voice: s.voice,
        claimant: first.map(|c| c.claimant.clone()).unwrap_or_default(),
        categories,
        claims: giving,
        rule,
    })
}

/// Running totals: the latest statement of each claimant (then the largest) stands for it.
fn latest_per_claimant(stated: Vec<Stated>) -> Vec<Stated> {
    // Claimants compared as clustering compares them ("SOHR (@sohr)" is SOHR).
    let mut by_claimant: BTreeMap<u64, Stated> = BTreeMap::new();
    for s in stated {
        let key = crate::member::claimant_key(&s.claimant);
        match by_claimant.get(&key) {
            Some(kept) if (kept.published, kept.value) >= (s.published, s.value) => {}
            _ => {
                by_claimant.insert(key, s);
            }
        }
    }
    by_claimant.into_values().collect()
}

/// The largest "killed or wounded" figure, with its claim.
fn combined_bound(
    claims: &[Claim],
    statements: &[Statement],
    counted: &dyn Fn(&Claim) -> bool,
) -> Option<(u32, usize)> {
    statements
        .iter()
        .flat_map(|s| s.claims.iter().copied())
        .filter(|&i| claims[i].kind == "combined" && counted(&claims[i]))
        .map(|i| (claims[i].high.unwrap_or(claims[i].value), i))
        .max()
}

/// low, best, high over the statements, recording how each was found.
fn range(
    stated: &[Stated],
    bound: Option<(u32, usize)>,
    field: &str,
    derivation: &mut Vec<Derivation>,
) -> (u32, u32, u32) {
    let mut record = |name: &str, value: u32, rule: &str, claims: &[usize]| {
        derivation.push(Derivation {
            figure: format!("{field}.{name}"),
            value,
            rule: rule.to_owned(),
            claims: claims.to_vec(),
        })
    };
    // How many voices state the same figure: the figure most of them agree on is the best
    // estimate; a later count breaks a tie (a toll that grew), then the larger.
    let agreeing = |s: &Stated| {
        let voices: std::collections::BTreeSet<usize> =
            stated.iter().filter(|o| o.specific == s.specific && o.value == s.value).map(|o| o.voice).collect();
        voices.len()
    };
    let Some(best) = stated.iter().max_by_key(|s| (s.specific, agreeing(s), s.published, s.value)) else {
        if let Some((value, claim)) = bound {
            record("high", value, "bounded by a killed-or-wounded figure", &[claim]);
            return (0, 0, value);
        }
        return (0, 0, 0);
    };
    let low = stated.iter().min_by_key(|s| s.value).unwrap_or(best);
    let high = stated.iter().max_by_key(|s| s.high).unwrap_or(best);
    let several = stated.len() > 1;
    record("low", low.value, if several { "the lowest statement" } else { low.rule }, &low.claims);
    let best_rule =
        if several { "the specific statement most documents make, then the latest, the largest" } else { best.rule };
    record("best", best.value, best_rule, &best.claims);
    record("high", high.high, if several { "the highest statement" } else { high.rule }, &high.claims);
    (low.value, best.value, high.high)
}

/// Deaths per victim category, from the best statement's itemisation or the latest that has one.
fn split_by_category(killed: &[Stated], out: &mut Figures) {
    let best_value = out.fatalities.best;
    let itemising = killed
        .iter()
        .filter(|s| !s.categories.is_empty())
        .max_by_key(|s| (s.value == best_value, s.specific, s.published, s.value));
    let f = &mut out.fatalities;
    if let Some(s) = itemising {
        for (category, &(value, claim)) in &s.categories {
            let slot = match category.as_str() {
                "state_forces" => &mut f.state_forces,
                "armed_group" => &mut f.armed_group,
                "civilians" => &mut f.civilians,
                _ => continue,
            };
            *slot = value;
            out.derivation.push(Derivation {
                figure: format!("fatalities.{category}"),
                value,
                rule: "the largest figure for this victim category".into(),
                claims: vec![claim],
            });
        }
    }
    f.unknown = f.best.saturating_sub(f.state_forces.saturating_add(f.armed_group).saturating_add(f.civilians));
}

/// Whether some whole's linked parts add up to something else.
fn parts_do_not_sum(claims: &[Claim]) -> bool {
    let mut sums: BTreeMap<usize, u64> = BTreeMap::new();
    for c in claims {
        if let Some(whole) = c.part_of {
            *sums.entry(whole).or_default() += u64::from(c.value);
        }
    }
    sums.iter().any(|(&whole, &sum)| claims.get(whole).is_some_and(|w| u64::from(w.value) != sum))
}

/// The people among victims named one by one: a name whose words all stand in a longer one
/// is the same person ("Reed", "Ann Reed"; "Major Howard", "Major Jamari Howard").
fn distinct_people<'a>(names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = names.collect();
    names.sort_unstable_by(|a, b| b.split_whitespace().count().cmp(&a.split_whitespace().count()).then(a.cmp(b)));
    names.dedup();
    let mut people: Vec<&str> = Vec::new();
    for name in names {
        if !people.iter().any(|p| same_person(name, p)) {
            people.push(name);
        }
    }
    people
}

/// Whether two names are one person: the words of one all stand in the other, in any case
/// ("LEE" in a caption, "Maige Lee" in the text).
fn same_person(a: &str, b: &str) -> bool {
    let within = |short: &str, long: &str| {
        short.split_whitespace().all(|w| long.split_whitespace().any(|l| l.eq_ignore_ascii_case(w)))
    };
    within(a, b) || within(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::Span;

    fn claim(kind: &str, value: u32, qualifier: &str, category: &str) -> Claim {
        Claim {
            qualifier: qualifier.into(),
            ..Claim::exact(kind, value, category, "Valley Courier", "d", Span::new(0, 1))
        }
    }

    fn on(day: i8, claims: std::ops::Range<usize>) -> Statement {
        Statement { published: Some(jiff::civil::date(2024, 5, day)), voice: claims.start, claims: claims.collect() }
    }

    #[test]
    fn itemised_parts_give_categories_and_sum_to_the_whole() {
        let mut claims = vec![
            claim("killed", 12, "at_least", "all"),
            claim("killed", 5, "exact", "state_forces"),
            claim("killed", 6, "exact", "armed_group"),
            claim("killed", 1, "exact", "civilians"),
        ];
        for c in &mut claims[1..] {
            c.part_of = Some(0);
        }
        let f = reconcile(&claims, &[on(3, 0..4)], false);
        assert_eq!((f.fatalities.low, f.fatalities.best, f.fatalities.high), (12, 12, 12));
        assert_eq!((f.fatalities.state_forces, f.fatalities.armed_group, f.fatalities.civilians), (5, 6, 1));
        assert_eq!(f.fatalities.unknown, 0);
        assert!(f.flags.is_empty());
        claims[3].value = 4;
        assert!(reconcile(&claims, &[on(3, 0..4)], false).flags.contains(&"parts_do_not_sum".to_string()));
    }

    #[test]
    fn the_count_most_voices_state_is_best_a_copy_being_no_new_voice() {
        let claims = vec![
            claim("killed", 2, "exact", "all"),
            claim("killed", 2, "exact", "all"),
            claim("killed", 4, "exact", "all"),
        ];
        let f = reconcile(&claims, &[on(3, 0..1), on(4, 1..2), on(5, 2..3)], false);
        assert_eq!((f.fatalities.low, f.fatalities.best, f.fatalities.high), (2, 2, 4));
        // The second outlet's story is a copy of the first's: one voice each, the later wins.
        let copy = Statement { voice: 0, ..on(4, 1..2) };
        let f = reconcile(&claims, &[on(3, 0..1), copy, on(5, 2..3)], false);
        assert_eq!(f.fatalities.best, 4);
    }

    #[test]
    fn a_later_specific_count_is_best_and_the_range_keeps_both() {
        let claims = vec![claim("killed", 2, "exact", "all"), claim("killed", 3, "exact", "all")];
        let f = reconcile(&claims, &[on(3, 0..1), on(4, 1..2)], false);
        assert_eq!((f.fatalities.low, f.fatalities.best, f.fatalities.high), (2, 3, 3));
        assert!(f.flags.contains(&"claims_disagree".to_string()));
        let best = f.derivation.iter().find(|d| d.figure == "fatalities.best").unwrap();
        assert_eq!(best.claims, vec![1]);
    }

    #[test]
    fn a_vague_word_loses_to_a_count() {
        let claims = vec![claim("killed", 12, "vague", "all"), claim("killed", 9, "exact", "all")];
        let f = reconcile(&claims, &[on(5, 0..1), on(3, 1..2)], false);
        assert_eq!((f.fatalities.low, f.fatalities.best, f.fatalities.high), (9, 9, 12));
    }

    #[test]
    fn people_shot_who_did_not_die_are_injured() {
        let claims = vec![claim("shot", 5, "exact", "all"), claim("killed", 2, "exact", "all")];
        let f = reconcile(&claims, &[on(3, 0..2)], false);
        assert_eq!((f.fatalities.best, f.injuries.best), (2, 3));
    }

    #[test]
    fn the_shooter_after_the_victims_adds_to_them() {
        // "killed four classmates and himself": the shooter's side is unknown.
        let claims = vec![claim("killed", 4, "exact", "civilians"), claim("killed", 1, "exact", "unknown")];
        let f = reconcile(&claims, &[on(3, 0..2)], false);
        assert_eq!((f.fatalities.best, f.fatalities.civilians, f.fatalities.unknown), (5, 4, 1));
    }

    #[test]
    fn killed_or_wounded_bounds_without_counting() {
        let claims = vec![claim("combined", 7, "exact", "all")];
        let f = reconcile(&claims, &[on(3, 0..1)], false);
        assert_eq!((f.fatalities.low, f.fatalities.best, f.fatalities.high), (0, 0, 7));
    }

    #[test]
    fn running_totals_supersede_per_claimant() {
        let mut claims = vec![claim("killed", 30, "more_than", "all"), claim("killed", 45, "more_than", "all")];
        for c in &mut claims {
            c.aggregate = true;
        }
        let f = reconcile(&claims, &[on(3, 0..1), on(4, 1..2)], true);
        assert_eq!((f.fatalities.low, f.fatalities.best, f.fatalities.high), (45, 45, 45));
        // Not counted in an incident.
        assert_eq!(reconcile(&claims, &[on(3, 0..2)], false).fatalities.best, 0);
    }

    #[test]
    fn the_shot_of_one_side_are_not_the_dead_of_another() {
        let claims = vec![claim("shot", 1, "exact", "state_forces"), claim("killed", 1, "exact", "armed_group")];
        let f = reconcile(&claims, &[on(3, 0..2)], false);
        assert_eq!((f.fatalities.best, f.injuries.best), (1, 1));
        let claims = vec![claim("shot", 1, "exact", "all"), claim("killed", 1, "exact", "armed_group")];
        assert_eq!(reconcile(&claims, &[on(3, 0..2)], false).injuries.best, 0);
    }

    #[test]
    fn the_wounded_who_died_are_not_injured() {
        let mut claims = vec![claim("injured", 1, "exact", "all"), claim("killed", 1, "exact", "all")];
        claims[0].victims = vec!["Reed".into()];
        claims[1].victims = vec!["Ann Reed".into()];
        let f = reconcile(&claims, &[on(3, 0..2)], false);
        assert_eq!((f.fatalities.best, f.injuries.best), (1, 0));
        claims[0].victims = vec!["Tom Hale".into()];
        assert_eq!(reconcile(&claims, &[on(3, 0..2)], false).injuries.best, 1);
    }

    #[test]
    fn a_surname_is_the_person_named_in_full() {
        assert_eq!(distinct_people(["Reed", "Ann Reed", "Tom Hale", "Reed"].into_iter()), vec!["Ann Reed", "Tom Hale"]);
        assert_eq!(distinct_people(["Bo Li", "Ann Li"].into_iter()).len(), 2);
        assert_eq!(distinct_people(["REED", "Ann Reed"].into_iter()), vec!["Ann Reed"]);
    }

    #[test]
    fn victims_named_one_by_one_are_counted() {
        let mut claims = vec![claim("killed", 1, "exact", "all"), claim("killed", 1, "exact", "all")];
        claims[0].victims = vec!["Ann Reed".into()];
        claims[1].victims = vec!["Tom Hale".into()];
        let f = reconcile(&claims, &[on(3, 0..2)], false);
        assert_eq!(f.fatalities.best, 2);
        assert_eq!(f.fatalities.unknown, 2);
    }
}

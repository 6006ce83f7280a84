//! One person coordinated with a counted group counts beside it.
//!
//! ## What it handles
//! "a 17-year-old boy and three women were injured" → injured 4; "wounding three women and a
//! teen" → injured 4. The counted group is the count rules' claim; the one person ("a", "an",
//! up to three words, then a singular victim word) joined to it by "and", right before the
//! count or right after its noun, joins the group when of its category, or of no known side
//! ("two children and an adult male": three people, of any side); "he and three others were
//! shot", "Ann Reed and two other men", "the victim and two others" (a pronoun, or a person the
//! count sets apart with "other") → four, three, three. One of another
//! category ("an officer and two bystanders were wounded") is itemised apart by
//! `singular_victim`, and reconciliation adds the categories.
//!
//! ## What it leaves alone
//! A person already counted by another rule; "a man and his three sons" (no article before the
//! person on the count's side: the person and the count are told apart by "his"); a plural
//! ("two men and some women": not one person).

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::Found;
use super::singular_victim::age_end;

/// Words from the article to the victim word, at most.
const REACH: usize = 4;

pub fn add(a: &Annotations, sentence: Span, first: usize, last: usize, found: &mut [Found]) {
    let counted = a.quantities.iter().filter(|q| q.span.start >= sentence.start && q.span.end <= sentence.end);
    for q in counted {
        let Some(group) = found.iter().position(|f| f.span.start <= q.span.start && f.span.end >= q.span.end) else {
            continue;
        };
        let (start, end) = (a.token_at(q.span.start), a.token_at(q.span.end - 1) + 1);
        // The count's own noun, right after it ("four adults").
        let Some(noun) = a.victims.iter().find(|v| v.start >= end && v.start <= end + 1) else { continue };
        let after = (noun.end + 1 < last && a.words[noun.end] == "and").then(|| one_after(a, noun.end + 1, last));
        // "two other people": the count says the person before it is one more.
        let others = matches!(a.words[end].as_str(), "other" | "others");
        // "killing his wife and their four children": a possessive may stand between.
        let opens = if start > first && matches!(a.words[start - 1].as_str(), "their" | "his" | "her") {
            start - 1
        } else {
            start
        };
        let before =
            (opens >= first + 2 && a.words[opens - 1] == "and").then(|| one_before(a, first, opens - 1, others));
        for (from, to) in [after, before].into_iter().flatten().flatten() {
            let span = Span::new(a.tokens[from].span.start, a.tokens[to - 1].span.end);
            let taken = |f: &Found| f.span.start < span.end && f.span.end > span.start;
            // (The group's own span may hold the person: "two children and a man were killed".)
            if found.iter().enumerate().any(|(k, f)| k != group && taken(f)) {
                continue;
            }
            // The person's own word says who they are ("a boy": a civilian). One of the
            // group's category joins it: "a boy and three women" are four civilians. One of
            // another is itemised apart, by `singular_victim` ("an officer … were wounded").
            // A person of no known side ("an adult male") joins any group, which then counts
            // people of any side: "two children and a man were found dead" are three.
            let person = Some(person_category(a, to));
            let g = &mut found[group];
            if person == Some("all") && g.category != "all" {
                g.category = "all".into();
            }
            if person.is_some_and(|c| c == g.category) {
                // "he and four others were shot": the others were shot beside him, not beside
                // the dead, so `survivors` must not read them as the wounded who lived.
                let within = |c: &sitrep_annotate::Tagged<_>| g.span.start <= c.span.start && c.span.end <= g.span.end;
                if others && g.kind == "injured" && a.cues.iter().any(|c| c.value.kind == "shot" && within(c)) {
                    g.kind = "shot".into();
                }
                g.value += 1;
                g.high = g.high.map(|h| h + 1);
                g.span = Span::new(g.span.start.min(span.start), g.span.end.max(span.end));
            }
        }
    }
}

/// The side of the one person ending before token `to`: their victim word's, or none known
/// ("a six-year-old", "he", "Ann Reed").
fn person_category(a: &Annotations, to: usize) -> &str {
    a.victims.iter().find(|v| v.end == to).map_or("all", |v| v.value.category.as_str())
}

/// "a teen", "a 6-year-old" starting at token `at`: the tokens of one person, article to victim
/// word or age.
fn one_after(a: &Annotations, at: usize, last: usize) -> Option<(usize, usize)> {
    if !matches!(a.words[at].as_str(), "a" | "an") {
        return None;
    }
    // "and a 6-year-old were wounded": an age used as a noun, no victim word after it.
    if let Some(end) = age_end(a, at + 1).filter(|&e| e <= last && !a.victims.iter().any(|v| v.start == e)) {
        return Some((at, end));
    }
    let mut v = a.victims.iter().find(|v| v.start > at && v.start <= at + REACH && v.end <= last)?;
    // "an adult male": the head is the last of the victim words in a row.
    while let Some(next) = a.victims.iter().find(|n| n.start == v.end && n.end <= last) {
        v = next;
    }
    (!super::singular_victim::is_plural(&a.words[v.end - 1])).then_some((at, v.end))
}

/// "a 17-year-old boy", "a six-year-old" ending right before token `and`: the tokens of one
/// person.
fn one_before(a: &Annotations, first: usize, and: usize, others: bool) -> Option<(usize, usize)> {
    // "he and three others were shot": a pronoun of one person.
    if matches!(a.words[and - 1].to_lowercase().as_str(), "he" | "she") {
        return Some((and - 1, and));
    }
    // "Ann Reed and two other men", "the victim and two others": a person the count sets apart
    // from the others it counts.
    if others {
        let capitalised = |i: usize| super::singular_victim::is_capitalised(a, i);
        if and >= first + 2
            && capitalised(and - 1)
            && capitalised(and - 2)
            && !a.places.iter().any(|p| p.span.end == a.tokens[and - 1].span.end)
        {
            return Some((and - 2, and));
        }
        if let Some(v) = a.victims.iter().find(|v| v.end == and && v.start > first && a.words[v.start - 1] == "the") {
            return (!super::singular_victim::is_plural(&a.words[v.end - 1])).then_some((v.start - 1, and));
        }
    }
    // An age used as a noun: "a six-year-old and three people were shot".
    let age = (and.saturating_sub(3).max(first + 1)..and).find(|&i| age_end(a, i) == Some(and));
    if let Some(i) = age {
        return matches!(a.words[i - 1].as_str(), "a" | "an").then_some((i - 1, and));
    }
    let v = a.victims.iter().find(|v| v.end == and)?;
    if super::singular_victim::is_plural(&a.words[v.end - 1]) {
        return None;
    }
    // "a 17-year-old boy", "his wife": an article or a possessive opens the person.
    let article = (v.start.saturating_sub(REACH).max(first)..=v.start)
        .rev()
        .find(|&i| matches!(a.words[i].as_str(), "a" | "an" | "his" | "her" | "their"))?;
    Some((article, v.end))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{row, short};

    #[test]
    fn one_person_beside_a_counted_group() {
        assert_eq!(
            short("Police say a 17-year-old boy and three women were injured in the shooting."),
            vec![row("injured", 4, "civilians")]
        );
        assert_eq!(
            short("The gunmen fired into a crowd, wounding three women and a teen."),
            vec![row("injured", 4, "civilians")]
        );
    }

    #[test]
    fn a_relative_beside_a_counted_group() {
        assert_eq!(short("He fled after killing his wife and four daughters."), vec![row("killed", 5, "civilians")]);
        assert_eq!(
            short("He is accused of killing his wife and their four children."),
            vec![row("killed", 5, "civilians")]
        );
    }

    #[test]
    fn one_person_of_no_known_side_joins_any_group() {
        assert_eq!(short("Two children and an adult male were found dead."), vec![row("killed", 3, "all")]);
        assert_eq!(short("A six-year-old and three people were shot in Marlow."), vec![row("shot", 4, "all")]);
        assert_eq!(short("The gunman wounded two women and a 9-year-old."), vec![row("injured", 3, "all")]);
    }

    #[test]
    fn a_pronoun_or_a_person_set_apart_from_the_others_counts_one_more() {
        assert_eq!(short("Police said he and three others were shot."), vec![row("shot", 4, "all")]);
        assert_eq!(short("Ann Reed and two other men were injured."), vec![row("injured", 3, "all")]);
        // He is one of the five shot; the one who died is among them.
        let got = short("A man died after he and four others were shot near a home.");
        assert!(got.contains(&row("shot", 5, "all")), "{got:?}");
        assert_eq!(
            short("The victim and two others were taken to the hospital with injuries."),
            vec![row("injured", 3, "all")]
        );
        // Without "other", a name may be a place's or an agent's.
        assert_eq!(short("Ann Reed and two men were injured."), vec![row("injured", 2, "all")]);
    }

    #[test]
    fn one_person_of_another_category_is_itemised_apart() {
        assert_eq!(
            short("An officer and two bystanders were wounded."),
            vec![row("injured", 2, "civilians"), row("injured", 1, "state_forces")]
        );
    }

    #[test]
    fn a_plural_or_a_person_without_an_article_is_left_alone() {
        assert_eq!(short("Two men and some women were injured."), vec![row("injured", 2, "all")]);
        assert_eq!(short("Police said three women and his son were injured."), vec![row("injured", 3, "civilians")]);
    }
}

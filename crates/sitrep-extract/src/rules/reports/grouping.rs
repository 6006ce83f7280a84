//! Grouping frames into reports, one per incident.
//!
//! Frames are read in order. A frame with running totals gives them to the document's one
//! aggregate report. Any other frame with a trigger or a claim joins the current report when it
//! fits it, else an earlier report it fits and shares a date or a place with, else starts a
//! report. A frame fits a report when:
//! - their event dates overlap (or one has none, or one is a victim's death within days after
//!   the other: "died Monday" and "the shooting happened Saturday");
//! - it does not switch between violence, demonstrations and strategic developments with a
//!   trigger and no casualty figure ("During the operation, security forces arrested a former
//!   chief" is an arrest of its own, not part of the clashes);
//! - it names no town that the report does not, unless it refers back ("the attack") or tells
//!   no act of its own (a trigger): "The three wounded were taken to a hospital in Temple"
//!   counts the same incident's victims wherever they were taken.
//!
//! A frame with neither trigger nor claim but with an event date is context: it gives its date
//! to the report told just before it (or, ahead of any, to the first one), which uses it when
//! its own sentences have no date. News tells what happened first and when after: "A man died
//! after accidentally shooting himself. Deputies were dispatched around 8:30 p.m. Sunday."
//!
//! "Another"/"elsewhere" and an earlier incident inside a sentence always start a report, but
//! for the incident an arrest or a charge is about ("arrested Monday in the shooting of a
//! boy"), which joins the last report it fits and becomes the story's thread.
//! Not handled: an incident resumed after a digression without a date, place or definite
//! reference joins whatever report came last.

use sitrep_annotate::Annotations;
use sitrep_model::{PlaceMention, event_family};

use super::frames::Frame;

/// One report in the making: its frames and claims (indices).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Group {
    pub frames: Vec<usize>,
    pub claims: Vec<usize>,
    /// Frames without trigger or claim that tell when: the sentences around the report.
    pub context: Vec<usize>,
    pub aggregate: bool,
}

/// Groups `frames` into reports; `aggregate(i)` tells whether claim `i` is a running total.
pub fn group(a: &Annotations, frames: &[Frame], aggregate: &dyn Fn(usize) -> bool) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut totals: Option<usize> = None;
    let mut current: Option<usize> = None;
    // Dated context frames read before any report.
    let mut preamble: Vec<usize> = Vec::new();
    for (index, frame) in frames.iter().enumerate() {
        let (running, own): (Vec<usize>, Vec<usize>) = frame.claims.iter().partition(|&&c| aggregate(c));
        if !running.is_empty() {
            let g = *totals.get_or_insert_with(|| {
                groups.push(Group { aggregate: true, ..Group::default() });
                groups.len() - 1
            });
            groups[g].claims.extend(running);
            if own.is_empty() {
                groups[g].frames.push(index);
                continue;
            }
        }
        if frame.triggers.is_empty() && own.is_empty() {
            if frame.date.is_some() && !frame.prior && !frame.starts_another {
                match current {
                    Some(g) => groups[g].context.push(index),
                    None => preamble.push(index),
                }
            }
            continue;
        }
        let has_claims = !own.is_empty();
        let fits = |g: &Group| {
            !g.aggregate && (fits(a, frames, g, frame, has_claims) || dies_later(a, frames, g, frame, has_claims))
        };
        let target = if frame.followed_up && !frame.starts_another {
            // The incident an arrest is about is the one the story told last, if it fits.
            (0..groups.len()).rev().find(|&g| fits(&groups[g]))
        } else if frame.prior || frame.starts_another {
            None
        } else if let Some(c) = current.filter(|&c| fits(&groups[c])) {
            Some(c)
        } else {
            (0..groups.len()).rev().find(|&g| fits(&groups[g]) && shares(a, frames, &groups[g], frame))
        };
        let g = target.unwrap_or_else(|| {
            groups.push(Group::default());
            groups.len() - 1
        });
        groups[g].frames.push(index);
        groups[g].claims.extend(own);
        groups[g].context.append(&mut preamble);
        // An earlier incident told inside a sentence does not become the story's thread, but
        // for the one an arrest is about: the story goes on to tell it.
        if !frame.prior || frame.followed_up {
            current = Some(g);
        }
    }
    groups
}

fn fits(a: &Annotations, frames: &[Frame], g: &Group, f: &Frame, has_claims: bool) -> bool {
    let members = || g.frames.iter().map(|&i| &frames[i]);
    if let Some(d) = f.date.map(|i| &a.dates[i]) {
        let overlaps = |o: &Frame| {
            o.date.is_none_or(|j| {
                let e = &a.dates[j];
                // A victim's death comes after the incident, within days.
                let died_after = |death: jiff::civil::Date, incident: jiff::civil::Date| {
                    incident < death && i64::from((death - incident).get_days()) <= LATER_DEATH_DAYS
                };
                (e.start <= d.end && d.start <= e.end)
                    || (o.death_dated && died_after(e.start, d.end))
                    || (f.death_dated && died_after(d.start, e.end))
            })
        };
        if !members().all(overlaps) {
            return false;
        }
    }
    let families = |frame: &Frame| -> Vec<u8> {
        frame.triggers.iter().map(|&t| event_family(&a.triggers[t].value.event_type)).collect()
    };
    let mine = families(f);
    let theirs: Vec<u8> = members().flat_map(families).collect();
    if !has_claims && !mine.is_empty() && !theirs.is_empty() && !mine.iter().any(|m| theirs.contains(m)) {
        return false;
    }
    if !f.refers_back && !f.triggers.is_empty() {
        let towns = |frame: &Frame| -> Vec<&PlaceMention> {
            frame.places.iter().map(|&p| &a.places[p]).filter(|p| is_town(p)).collect()
        };
        let mine = towns(f);
        let theirs: Vec<&PlaceMention> = members().flat_map(towns).collect();
        if !mine.is_empty() && !theirs.is_empty() && !mine.iter().any(|p| theirs.iter().any(|q| same_place(p, q))) {
            return false;
        }
    }
    true
}

/// Days after an incident within which a death told without an act of violence is the death of
/// its wounded ("Russell died Friday" after "shot Thursday night").
const LATER_DEATH_DAYS: i64 = 30;

/// True when the frame tells only casualties (no trigger), dated after every date of the
/// report and within `LATER_DEATH_DAYS` of it, and fits the report but for the date: the
/// wounded of the incident dying later. The report keeps its own date.
fn dies_later(a: &Annotations, frames: &[Frame], g: &Group, f: &Frame, has_claims: bool) -> bool {
    let Some(d) = f.date.map(|i| &a.dates[i]) else { return false };
    if !has_claims || !f.triggers.is_empty() {
        return false;
    }
    let ends: Vec<jiff::civil::Date> =
        g.frames.iter().filter_map(|&i| frames[i].date).map(|j| a.dates[j].end).collect();
    let after = |end: &jiff::civil::Date| *end < d.start && i64::from((d.start - *end).get_days()) <= LATER_DEATH_DAYS;
    if ends.is_empty() || !ends.iter().all(after) {
        return false;
    }
    let undated = Frame { date: None, ..f.clone() };
    fits(a, frames, g, &undated, has_claims)
}

/// True when the frame shares an event date or a place with the report.
fn shares(a: &Annotations, frames: &[Frame], g: &Group, f: &Frame) -> bool {
    g.frames.iter().map(|&i| &frames[i]).any(|o| {
        let same_day = matches!((f.date, o.date), (Some(x), Some(y)) if a.dates[x].start == a.dates[y].start);
        let same_place = f.places.iter().any(|&p| o.places.iter().any(|&q| same_place(&a.places[p], &a.places[q])));
        same_day || same_place
    })
}

/// A settlement or a place of unknown kind: what two incidents are told apart by.
fn is_town(p: &PlaceMention) -> bool {
    matches!(p.feature.as_deref(), None | Some("settlement"))
}

/// The same place, or one inside the other as the text says ("Arnoun … Nabatieh province").
pub fn same_place(p: &PlaceMention, q: &PlaceMention) -> bool {
    let eq = |x: &str, y: &str| x.eq_ignore_ascii_case(y);
    eq(&p.name, &q.name) || p.context.iter().any(|c| eq(c, &q.name)) || q.context.iter().any(|c| eq(c, &p.name))
}

#[cfg(test)]
mod tests {
    use super::super::frames::frames;
    use super::*;

    fn groups(text: &str) -> Vec<Vec<usize>> {
        let a = sitrep_annotate::annotate_text(text, Some(jiff::civil::date(2024, 5, 3)));
        let spans: Vec<sitrep_model::Span> = crate::rules::casualties::claims(&a).iter().map(|c| c.span).collect();
        let f = frames(&a, &spans);
        group(&a, &f, &|_| false).into_iter().map(|g| g.frames).collect()
    }

    #[test]
    fn one_incident_told_over_several_sentences() {
        let text = "Gunmen attacked a checkpoint in Kayes on Thursday. The attack lasted an hour. \
                    Troops fought back.";
        assert_eq!(groups(text), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn another_day_another_town_or_an_arrest_start_reports() {
        let text = "Gunmen attacked a checkpoint in Kayes on Thursday. On Wednesday, clashes hit Mopti. \
                    Clashes erupted in another village. Police arrested a local chief.";
        assert_eq!(groups(text), vec![vec![0], vec![1], vec![2], vec![3]]);
        let text = "Gunmen attacked a checkpoint in Kayes. Clashes broke out in Segou.";
        assert_eq!(groups(text), vec![vec![0], vec![1]]);
    }

    #[test]
    fn a_report_resumes_where_its_place_comes_back() {
        let text = "Gunmen attacked a checkpoint in Kayes. Police arrested a local chief. \
                    Troops fought the gunmen in Kayes overnight.";
        assert_eq!(groups(text), vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn victims_counted_in_another_town_are_the_same_incidents() {
        let text =
            "Gunmen attacked a checkpoint in Kayes on Thursday. Three wounded men were taken to a hospital in Segou.";
        assert_eq!(groups(text), vec![vec![0, 1]]);
    }

    #[test]
    fn the_incident_an_arrest_is_about_joins_its_report() {
        let text = "A man was shot dead in Kayes on Friday. Police arrested a suspect on Monday in the \
                    shooting in Kayes.";
        assert_eq!(groups(text), vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn the_wounded_dying_later_is_the_same_incident() {
        let text = "A man was shot in Kayes on Monday. He died of his wounds on Wednesday.";
        assert_eq!(groups(text), vec![vec![0, 1]]);
        // An attack on another day is another incident.
        let text = "A man was shot in Kayes on Monday. Gunmen shot a guard in Kayes on Wednesday.";
        assert_eq!(groups(text), vec![vec![0], vec![1]]);
    }
}

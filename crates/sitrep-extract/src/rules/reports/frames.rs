//! Frames: the stretches of text that tell one incident each, and what each holds.
//!
//! A frame is a sentence, or the two parts of a sentence that introduces an earlier incident
//! with "following", "after", "in response to" and an indefinite trigger: "Security forces
//! began the crackdown on Tuesday following an ambush by gunmen, which killed two officers" is
//! the crackdown (dated Tuesday) and, from "following" on, the ambush before it (whose claim is
//! the two officers). A definite trigger after these words ("after the attack") refers back
//! and does not split. An earlier incident that names no place of its own happened where the
//! rest of the sentence is ("the crackdown in the Qusour neighbourhood following an ambush").
//!
//! A frame dated only in the past ("in 1977", "from 1987 to 2002") is background: its triggers
//! do not count, unless the past date modifies a trigger ("the March 9 shooting", "a September
//! shooting") or names the day right after one ("a drive-by shooting July 24, 2015"): a
//! follow-up story's incident, dated by it. A sentence telling only an act of justice that
//! names the crime after its date ("On Nov. 14, police obtained a warrant for murder") is dated
//! by the act, not the crime (`undate_charges`). Not handled: an earlier incident told in a
//! relative clause without these words ("two officers, who died in an ambush last week, …").

use sitrep_annotate::Annotations;
use sitrep_model::Span;

use super::{anaphora, discourse, irrealis, occurs};

/// One stretch of text and the annotations in it, as indices into the document's layers.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub span: Span,
    /// Token range `[first, last)`.
    pub first: usize,
    pub last: usize,
    /// Triggers reported as having happened (`Annotations::triggers` indices).
    pub triggers: Vec<usize>,
    /// Claims whose count stands in the frame (indices into the claims given).
    pub claims: Vec<usize>,
    /// Place mentions, datelines left out (`Annotations::places` indices).
    pub places: Vec<usize>,
    /// The first date of the event (`Annotations::dates` index).
    pub date: Option<usize>,
    /// The first date of reporting ("the monitor said on Wednesday").
    pub reported: Option<usize>,
    /// The event date is when a victim died ("died Monday"): the incident may be days before.
    pub death_dated: bool,
    pub refers_back: bool,
    pub starts_another: bool,
    /// An incident before the rest of its sentence ("following an ambush …").
    pub prior: bool,
    /// An incident that the rest of its sentence, an act of justice, is about ("arrested
    /// Monday in the shooting of a boy"): prior too, by how long the sentence does not say.
    pub followed_up: bool,
}

/// The frames of a text, in order; `claim_spans` are the spans of its claims' counts and cues.
pub fn frames(a: &Annotations, claim_spans: &[Span]) -> Vec<Frame> {
    let mut out = Vec::new();
    for sentence in &a.sentences {
        let first = a.token_at(sentence.start);
        let last = a.token_at(sentence.end);
        let split = prior_split(a, first, last)
            .map(|at| (at, false))
            .or_else(|| follow_up_split(a, first, last).map(|at| (at, true)));
        match split {
            Some((at, followed_up)) => {
                let main = frame(a, claim_spans, first, (first, at), false);
                let mut earlier = frame(a, claim_spans, first, (at, last), true);
                earlier.followed_up = followed_up;
                // "charged in the shooting of a student": the story's incident, wherever it was.
                earlier.refers_back |= followed_up;
                if earlier.places.is_empty() {
                    earlier.places = main.places.clone();
                }
                out.push(main);
                out.push(earlier);
            }
            None => out.push(frame(a, claim_spans, first, (first, last), false)),
        }
    }
    out
}

/// The token where an earlier incident is introduced: "following" / "after" + "a(n)" + a
/// trigger within three words. Casualties alone before it are that incident's: "a boy is dead
/// after a shooting on Sunday", "four were hospitalized following a shooting Saturday night".
fn prior_split(a: &Annotations, first: usize, last: usize) -> Option<usize> {
    let d = discourse();
    (first + 1..last).find(|&i| {
        let Some(m) = d.prior.longest_at(&a.words[..last], i) else { return false };
        matches!(a.words.get(m.end).map(String::as_str), Some("a") | Some("an"))
            && a.triggers.iter().any(|t| t.start > m.end && t.start <= m.end + 3)
            && !casualties_alone(a, first, i)
    })
}

/// Whether tokens `[first, end)` tell casualties (a cue: "dead", "hospitalized") and no act.
fn casualties_alone(a: &Annotations, first: usize, end: usize) -> bool {
    let within = |start: usize| start >= first && start < end;
    a.cues.iter().any(|c| within(c.start)) && !a.triggers.iter().any(|t| within(t.start))
}

/// Gives the casualties counted in an act of justice's part of a sentence to the incident it
/// is about: "a manslaughter charge against a boy | in the shooting of his friend" counts one
/// dead of the shooting, not of the charge. `casualty(i)`: whether claim `i` counts the dead,
/// the wounded or the shot.
pub fn casualties_to_incident(frames: &mut [Frame], casualty: &dyn Fn(usize) -> bool) {
    for f in 1..frames.len() {
        if frames[f].followed_up {
            let (moved, kept): (Vec<usize>, Vec<usize>) = frames[f - 1].claims.iter().partition(|&&c| casualty(c));
            frames[f - 1].claims = kept;
            frames[f].claims.extend(moved);
            frames[f].claims.sort_unstable();
        }
    }
}

/// Takes from frames that count casualties a date that belongs to an act of justice ("Webster
/// pleaded guilty Wednesday to manslaughter in the death of his son", "was arraigned Tuesday"):
/// it is when the court met, not when the victims fell; it stays as the frame's reporting date
/// (the incident was before it). `casualty(i)`: whether claim `i` counts the dead, the wounded
/// or the shot.
pub fn undate_proceedings(a: &Annotations, frames: &mut [Frame], casualty: &dyn Fn(usize) -> bool) {
    let d = discourse();
    for f in frames.iter_mut().filter(|f| !f.followed_up && f.claims.iter().any(|&c| casualty(c))) {
        let Some(date) = f.date else { continue };
        let at = a.token_at(a.dates[date].span.start);
        let from = at.saturating_sub(PROCEEDING_REACH).max(f.first);
        let act = (from..at).rev().find(|&i| d.proceedings.longest_at(&a.words[..at], i).is_some());
        let Some(act) = act else { continue };
        if a.triggers.iter().any(|t| t.start > act && t.start < at) {
            continue;
        }
        f.date = None;
        f.reported = f.reported.or(Some(date));
    }
}

/// Words between an act of justice and the date it takes ("pleaded guilty on Wednesday").
const PROCEEDING_REACH: usize = 4;

/// Takes the date from frames that tell only acts of justice, a crime named as a charge among
/// them: each trigger an arrest, or a crime named as a charge (an act of justice at most
/// `CHARGE_REACH` words before it), after the date: "On Nov. 14, police obtained an arrest
/// warrant for first-degree murder", "was charged Friday with murder". The date is the
/// warrant's or the charge's; it stays as the frame's reporting date, and the story's own date
/// for the incident ("About 8:30 p.m. Nov. 11, officers responded to a call") can date the
/// report.
pub fn undate_charges(a: &Annotations, frames: &mut [Frame]) {
    let d = discourse();
    for f in frames.iter_mut().filter(|f| f.date.is_some() && !f.triggers.is_empty() && !f.followed_up) {
        let arrest = |t: usize| a.triggers[t].value.sub_event_type == "Arrests";
        let charged = |t: usize| {
            let at = a.triggers[t].start;
            arrest(t) || occurs(&d.proceedings, &a.words, at.saturating_sub(CHARGE_REACH).max(f.first), at)
        };
        // An arrest alone keeps its date: it may be all the story says of when. A date after
        // the crime is the crime's: "accused of killing two people Thursday night".
        let date_at = f.date.map_or(0, |d| a.token_at(a.dates[d].span.start));
        let mut crimes = f.triggers.iter().copied().filter(|&t| !arrest(t)).peekable();
        let named = crimes.peek().is_some() && crimes.all(|t| a.triggers[t].start > date_at);
        if named && f.triggers.iter().all(|&t| charged(t)) {
            f.reported = f.reported.or(f.date);
            f.date = None;
        }
    }
}

/// Words between an act of justice and the crime it names: "charged with first-degree murder",
/// "a warrant for attempted murder".
const CHARGE_REACH: usize = 4;

/// Whether the date at `span` tells when a victim died: a `deaths` word ("died", "succumbed to
/// his injuries") at most `DEATH_REACH` words before it, in the frame from token `first`, with
/// no act of violence between ("was shot Friday" after "died" dates the shooting).
fn is_death_date(a: &Annotations, span: Span, first: usize) -> bool {
    let d = discourse();
    let at = a.token_at(span.start);
    let from = at.saturating_sub(DEATH_REACH).max(first);
    let Some(death) = (from..at).rev().find(|&i| d.deaths.longest_at(&a.words[..at], i).is_some()) else {
        return false;
    };
    !a.triggers.iter().any(|t| t.start > death && t.start < at)
}

/// Tokens between a death and its date: "succumbed to his injuries on Friday", "died at 4:25
/// a.m. on Monday".
const DEATH_REACH: usize = 10;

/// The token where an act of justice turns to the incident it is about: a `proceedings` word,
/// then within eight words `about`, a determiner ("the", "a", a possessive: "Sunday's") and a
/// trigger within four words: "was arrested Monday | in the fatal shooting of a boy".
fn follow_up_split(a: &Annotations, first: usize, last: usize) -> Option<usize> {
    let d = discourse();
    let act = (first..last).find(|&i| d.proceedings.longest_at(&a.words[..last], i).is_some())?;
    (act + 1..last.min(act + 9)).find(|&i| {
        let Some(m) = d.about.longest_at(&a.words[..last], i) else { return false };
        let determiner = a
            .words
            .get(m.end)
            .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an") || w.ends_with("'s") || w.ends_with("’s"));
        determiner && a.triggers.iter().any(|t| t.start > m.end && t.start <= m.end + 4)
    })
}

/// The frame of tokens `[first, last)` in the sentence starting at token `sentence_first`.
fn frame(
    a: &Annotations,
    claim_spans: &[Span],
    sentence_first: usize,
    (first, last): (usize, usize),
    prior: bool,
) -> Frame {
    let span = Span::new(a.tokens[first].span.start, a.tokens[last - 1].span.end);
    let inside = |s: &Span| s.start >= span.start && s.start < span.end;
    // Dates and triggers are in text order (each layer is one scan of the text): the frame's
    // are a range of them.
    let dates: Vec<usize> = (a.dates.partition_point(|d| d.span.start < span.start)
        ..a.dates.partition_point(|d| d.span.start < span.end))
        .collect();
    // "the March 9 shooting", "a September shooting": a date that modifies a trigger is that
    // incident's, however long ago (a follow-up story's incident is weeks or months old).
    let date =
        dates.iter().copied().find(|&i| a.dates[i].role == "event").or_else(|| {
            dates.iter().copied().find(|&i| a.dates[i].role == "past" && dates_a_trigger(a, a.dates[i].span))
        });
    let past = dates.iter().any(|&i| a.dates[i].role == "past");
    let triggers = if past && date.is_none() {
        Vec::new()
    } else {
        (a.triggers.partition_point(|t| t.span.start < span.start)
            ..a.triggers.partition_point(|t| t.span.start < span.end))
            .filter(|&i| !irrealis::is_irrealis(a, a.triggers[i].start, sentence_first))
            .collect()
    };
    Frame {
        span,
        first,
        last,
        triggers,
        claims: (0..claim_spans.len()).filter(|&i| inside(&claim_spans[i])).collect(),
        places: (0..a.places.len()).filter(|&i| inside(&a.places[i].span) && !a.places[i].dateline).collect(),
        date,
        death_dated: date.is_some_and(|d| is_death_date(a, a.dates[d].span, first)),
        reported: dates.iter().copied().find(|&i| a.dates[i].role == "reporting"),
        refers_back: anaphora::refers_back(a, first, last),
        starts_another: anaphora::starts_another(a, first, last),
        prior,
        followed_up: false,
    }
}

/// Whether the date at `span` modifies a trigger right after it, past one modifier at most:
/// "the March 9 shooting", "the Sept. 27 fatal shooting" (not across "in", "of", a comma); or,
/// naming a day, follows a trigger straight or after "on": "a drive-by shooting July 24",
/// "was shot and killed on July 24, 2015" (not "a shooting in 2015": a year tells no incident).
pub(crate) fn dates_a_trigger(a: &Annotations, span: Span) -> bool {
    let start = a.token_at(span.start);
    let end = a.token_at(span.end.saturating_sub(1)) + 1;
    let modifier =
        |w: &str| w.chars().all(char::is_alphabetic) && !matches!(w, "and" | "to" | "of" | "in" | "on" | "at");
    let before = |t: usize| t == start || (t + 1 == start && a.words[t] == "on");
    let day = a.dates.iter().any(|d| d.span == span && d.precision == 1);
    a.triggers.iter().any(|t| {
        t.start == end
            || (t.start == end + 1 && a.words.get(end).is_some_and(|w| modifier(w)))
            || (day && before(t.end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_incident_inside_a_sentence_is_its_own_frame() {
        let text = "Troops began a sweep of the district on Tuesday following an ambush by gunmen, which \
                    killed two soldiers, officials said.";
        let a = sitrep_annotate::annotate_text(text, Some(jiff::civil::date(2024, 5, 3)));
        let killed = Span::new(text.find("killed").unwrap(), text.find("soldiers").unwrap() + 8);
        let f = frames(&a, &[killed]);
        assert_eq!(f.len(), 2);
        assert!(f[0].date.is_some() && f[0].claims.is_empty() && !f[0].prior);
        assert!(f[1].prior && f[1].claims == vec![0] && f[1].date.is_none());
    }

    #[test]
    fn casualties_after_an_incident_are_its_own() {
        let text = "Police said a boy is dead after a shooting on Sunday night.";
        let a = sitrep_annotate::annotate_text(text, Some(jiff::civil::date(2024, 5, 3)));
        let f = frames(&a, &[]);
        assert_eq!(f.len(), 1);
        assert!(f[0].date.is_some() && !f[0].prior);
    }

    #[test]
    fn an_earlier_incident_without_a_place_happened_where_the_sentence_is() {
        let text = "Police began raids in the Qusour neighbourhood on Tuesday following an ambush by gunmen.";
        let a = sitrep_annotate::annotate_text(text, Some(jiff::civil::date(2024, 5, 3)));
        let f = frames(&a, &[]);
        assert_eq!(f.len(), 2);
        assert!(!f[1].places.is_empty());
        assert_eq!(f[1].places, f[0].places);
        let own = "Police began raids in Qusour on Tuesday following an ambush by gunmen in Tyre.";
        let a = sitrep_annotate::annotate_text(own, Some(jiff::civil::date(2024, 5, 3)));
        let f = frames(&a, &[]);
        assert_ne!(f[1].places, f[0].places);
    }

    #[test]
    fn a_definite_trigger_after_following_refers_back() {
        let a = sitrep_annotate::annotate_text("Curfews followed after the clashes in the port.", None);
        let f = frames(&a, &[]);
        assert_eq!(f.len(), 1);
        assert!(f[0].refers_back);
    }

    #[test]
    fn a_past_date_before_a_trigger_dates_it() {
        let a = sitrep_annotate::annotate_text(
            "Police named a suspect in the January 9 shooting at the market.",
            Some(jiff::civil::date(2024, 5, 3)),
        );
        let f = frames(&a, &[]);
        assert!(f.iter().any(|f| f.date.is_some() && !f.triggers.is_empty()));
        // A day right after the trigger, or after "on", dates it too; a year does not.
        let published = Some(jiff::civil::date(2024, 5, 3));
        for text in [
            "Police say the men fired into a crowd during a drive-by shooting July 24, 2023.",
            "The boy was shot and killed on Sept. 2, 2023, outside a store.",
        ] {
            let f = frames(&sitrep_annotate::annotate_text(text, published), &[]);
            assert!(f[0].date.is_some() && !f[0].triggers.is_empty(), "{text}");
        }
        let text = "The family has spoken out about a shooting in 2019 that changed the street.";
        let f = frames(&sitrep_annotate::annotate_text(text, published), &[]);
        assert!(f[0].date.is_none() && f[0].triggers.is_empty());
    }

    #[test]
    fn the_incident_an_arrest_is_about_is_an_earlier_frame_without_the_arrest_date() {
        let text = "A man was arrested Monday in the fatal shooting of a teenager in Marlow.";
        let a = sitrep_annotate::annotate_text(text, Some(jiff::civil::date(2024, 5, 3)));
        let f = frames(&a, &[]);
        assert_eq!(f.len(), 2);
        assert!(f[0].date.is_some() && !f[0].prior);
        assert!(f[1].prior && f[1].followed_up && f[1].date.is_none() && !f[1].triggers.is_empty());
        // Its own date stays with it.
        let text = "Police arrested a man on Monday in connection with the March 9 shooting.";
        let a = sitrep_annotate::annotate_text(text, Some(jiff::civil::date(2024, 5, 3)));
        let f = frames(&a, &[]);
        assert!(f[1].followed_up && f[1].date.is_some());
        // The dead its charge counts are the shooting's; those arrested stay with the arrest.
        let mut f = frames(&a, &[]);
        f[0].claims = vec![0, 1];
        casualties_to_incident(&mut f, &|c| c == 1);
        assert_eq!((f[0].claims.clone(), f[1].claims.clone()), (vec![0], vec![1]));
        // A charge without an incident after it is one frame.
        let a = sitrep_annotate::annotate_text("He was charged with murder on Monday.", None);
        assert_eq!(frames(&a, &[]).len(), 1);
    }

    #[test]
    fn a_court_date_does_not_date_the_casualties() {
        let text = "Reed pleaded guilty Wednesday to manslaughter in his son's death.";
        let a = sitrep_annotate::annotate_text(text, Some(jiff::civil::date(2024, 5, 3)));
        let mut f = frames(&a, &[]);
        f[0].claims = vec![0];
        undate_proceedings(&a, &mut f, &|_| true);
        assert!(f[0].date.is_none() && f[0].reported.is_some());
        // The date of the shooting itself stays.
        let text = "Police arrested a man who shot two people on Friday.";
        let a = sitrep_annotate::annotate_text(text, Some(jiff::civil::date(2024, 5, 3)));
        let mut f = frames(&a, &[]);
        f[0].claims = vec![0];
        undate_proceedings(&a, &mut f, &|_| true);
        assert!(f[0].date.is_some());
    }

    #[test]
    fn background_frames_have_no_triggers() {
        let a = sitrep_annotate::annotate_text(
            "He was suspected of a killing in 1977.",
            Some(jiff::civil::date(2024, 5, 3)),
        );
        assert!(frames(&a, &[])[0].triggers.is_empty());
    }
}

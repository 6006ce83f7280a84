//! Extract: assembles a document's annotations into `Report`s, one per incident it describes,
//! each with type, date, place mentions, actors and attributed casualty claims.
//!
//! Casualty claims (`rules::casualties`) with their source (`rules::attribution`), in the
//! article, its title and its embedded posts (whose author is the claimant); reports per
//! incident with their type, date and places (`rules::reports`); generic actors
//! (`rules::actors`). Not yet: canonical named actors with their country and period.

pub mod rules;

use jiff::civil::Date;
use rules::reports::frames::Frame;
use sitrep_annotate::Annotations;
use sitrep_model::{Claim, Document, PlaceMention, Report, Span};

/// The incidents a document describes, one report each (`rules::reports`).
pub fn extract(document: &Document, annotations: &Annotations) -> Vec<Report> {
    let a = annotations;
    // The headline is read once, for its claims and for the day and place it gives.
    let headline = headline(document);
    let located = located_claims(document, a, headline.as_ref());
    let (article, others): (Vec<Located>, Vec<Located>) =
        located.into_iter().partition(|l| l.claim.embedded.is_none() && !l.claim.in_title);
    let mut frames = rules::reports::frames::frames(a, &article.iter().map(|l| l.at).collect::<Vec<_>>());
    let casualty = |i: usize| matches!(article[i].claim.kind.as_str(), "killed" | "injured" | "shot");
    rules::reports::frames::casualties_to_incident(&mut frames, &casualty);
    rules::reports::frames::undate_proceedings(a, &mut frames, &casualty);
    rules::reports::frames::undate_charges(a, &mut frames);
    let mut groups = rules::reports::grouping::group(a, &frames, &|i| article[i].claim.aggregate);
    // Claims read outside the article: embedded posts join the report told where the post
    // stood, titles the report that states the same figure.
    let mut extra: Vec<Vec<Claim>> = vec![Vec::new(); groups.len()];
    for l in others {
        let g = home(&groups, &frames, &article, &l).unwrap_or_else(|| {
            groups.push(rules::reports::grouping::Group { aggregate: l.claim.aggregate, ..Default::default() });
            extra.push(Vec::new());
            groups.len() - 1
        });
        extra[g].push(l.claim);
    }
    let mut reports = Vec::new();
    let mut date_sources = Vec::new();
    for (group, extra) in groups.iter().zip(extra) {
        let members: Vec<&Frame> = group.frames.iter().map(|&i| &frames[i]).collect();
        let mut claims: Vec<Claim> = group.claims.iter().map(|&i| article[i].claim.clone()).collect();
        claims.sort_by_key(|c| c.span.start);
        claims.extend(extra);
        rules::reports::parts::link(&mut claims, document.outlet.as_deref().unwrap_or("the outlet"));
        let claim_refs: Vec<&Claim> = claims.iter().collect();
        let described: Vec<_> = members.iter().flat_map(|f| rules::actors::described(a, f.first, f.last)).collect();
        let (event_type, sub_event_type) = rules::reports::event_type::event_type(a, &members, &claim_refs, &described);
        let (date_start, date_end, date_precision, source) = report_date(a, &frames, group);
        date_sources.push(source);
        reports.push(Report {
            document_id: document.id.clone(),
            event_type,
            sub_event_type,
            date_start,
            date_end,
            date_precision,
            place_mentions: place_mentions(a, &members),
            document_places: Vec::new(),
            country_cues: Vec::new(),
            demonym_cues: Vec::new(),
            outlet_home: Vec::new(),
            area_cues: Vec::new(),
            actors: rules::actors::actors(&described),
            aggregate: group.aggregate,
            spans: members.iter().map(|f| f.span).collect(),
            claims,
        });
    }
    if let Some(headline) = &headline
        && !reports.iter().any(|r| !r.aggregate)
    {
        reports.extend(rules::reports::headline::report(document, headline));
        date_sources.push(rules::reports::headline::DateSource::Guessed);
    }
    if let Some(headline) = &headline {
        rules::reports::headline::fill(&mut reports, &date_sources, headline, &document.text);
    }
    if let Some(first) = reports.first_mut() {
        let told = headline.iter().flat_map(|h| rules::reports::headline::places(h, &document.text));
        first.document_places = told.chain(a.places.iter().cloned()).collect();
        first.country_cues = distinct_cues(a, a.country_cues.iter());
        // (Not a people's name read as a place already: "Syrian" in "Syrian security forces"
        // votes there.)
        let placed = |c: &&sitrep_annotate::Tagged<String>| {
            a.places.iter().any(|p| p.span.start < c.span.end && c.span.start < p.span.end)
        };
        first.demonym_cues = distinct_cues(a, a.demonym_cues.iter().filter(|c| !placed(c)));
        // A station's call sign: as telling as a phrase of its country's institutions.
        first.country_cues.extend(rules::broadcaster::country(document.title.as_deref(), document.url.as_deref()));
        first.outlet_home = document.title.as_deref().map(rules::outlet_home::candidates).unwrap_or_default();
        first.outlet_home.extend(document.url.as_deref().map(rules::outlet_home::host_candidates).unwrap_or_default());
        let mut areas: Vec<String> = a.area_cues.iter().map(|c| c.value.clone()).collect();
        areas.sort();
        areas.dedup();
        first.area_cues = areas;
    }
    reports
}

/// The countries of a document's cues, each distinct phrase once: a story that says "sheriff's
/// office" ten times is one voice.
fn distinct_cues<'a>(
    a: &'a Annotations,
    cues: impl Iterator<Item = &'a sitrep_annotate::Tagged<String>>,
) -> Vec<String> {
    let mut phrases: Vec<(&[String], &String)> = cues.map(|c| (&a.words[c.start..c.end], &c.value)).collect();
    phrases.sort();
    phrases.dedup();
    phrases.into_iter().map(|(_, iso2)| iso2.clone()).collect()
}

/// The report an embedded or title claim belongs to: an aggregate goes to the aggregate
/// report; a title figure to the report stating the same figure, else the first incident; a
/// post's figure to the report told just before the post stood.
fn home(
    groups: &[rules::reports::grouping::Group],
    frames: &[Frame],
    article: &[Located],
    l: &Located,
) -> Option<usize> {
    let c = &l.claim;
    if c.aggregate {
        return groups.iter().position(|g| g.aggregate);
    }
    if c.in_title {
        let same = |g: &rules::reports::grouping::Group| {
            g.claims.iter().any(|&i| article[i].claim.kind == c.kind && article[i].claim.value == c.value)
        };
        return groups.iter().position(same).or_else(|| groups.iter().position(|g| !g.aggregate));
    }
    let before = |g: &rules::reports::grouping::Group| {
        g.frames.iter().filter(|&&f| frames[f].span.end <= l.at.start).map(|&f| frames[f].span.end).max()
    };
    (0..groups.len()).filter(|&g| !groups[g].aggregate).max_by_key(|&g| before(&groups[g]))
}

/// The report's date: the first event date of its frames, else of the sentences around them
/// (`Group::context`), passing over a victim's death date for an earlier one and an arrest's
/// date for another; for an earlier
/// incident told inside a sentence with no date of its own, the day before that sentence's date
/// to that date; else the first reporting date (the incident happened on or before it).
fn report_date(a: &Annotations, frames: &[Frame], group: &rules::reports::grouping::Group) -> ReportDate {
    use rules::reports::headline::DateSource::{Guessed, Told};
    let members = &group.frames;
    let dated = || members.iter().chain(&group.context).filter_map(|&f| Some((f, frames[f].date?)));
    // A victim's death dates the incident only when the story gives no earlier date for it,
    // in its own sentences or in one that refers back to it ("shot Saturday night … died
    // Monday", "The incident happened Sunday … died Monday"): not in any sentence around it
    // ("the hunting season opened Friday").
    let died = dated().filter(|&(f, _)| frames[f].death_dated).map(|(_, d)| a.dates[d].start).min();
    let incident = died.and_then(|died| {
        dated().find(|&(f, d)| {
            let about = members.contains(&f) || frames[f].refers_back;
            about && !frames[f].death_dated && a.dates[d].end <= died
        })
    });
    // An arrest's date ("A woman was arrested Tuesday night") is the incident's only when the
    // story dates nothing else of it ("… after a shooting Saturday").
    let arrest_only = |f: usize| {
        let triggers = &frames[f].triggers;
        !triggers.is_empty() && triggers.iter().all(|&t| a.triggers[t].value.sub_event_type == "Arrests")
    };
    let first = || dated().find(|&(f, _)| !arrest_only(f)).or_else(|| dated().next());
    if let Some((_, d)) = incident.or_else(first) {
        // A span ("over the weekend", "earlier this week") gives way to a day inside it that
        // the story names for the incident ("It happened Friday evening").
        let span = &a.dates[d];
        let inside = |&(_, o): &(usize, usize)| {
            let o = &a.dates[o];
            o.start == o.end && span.start <= o.start && o.end <= span.end
        };
        let day = (span.start < span.end).then(|| dated().find(inside)).flatten();
        let d = &a.dates[day.map_or(d, |(_, o)| o)];
        return (Some(d.start), Some(d.end), Some(d.precision), Told);
    }
    for &f in members {
        // An arrest says nothing of how long before it the incident was.
        let earlier = frames[f].prior && !frames[f].followed_up;
        let later = frames.get(f.wrapping_sub(1)).filter(|_| earlier).and_then(|main| main.date);
        if let Some(d) = later {
            let d = &a.dates[d];
            return (Some(d.start.yesterday().unwrap_or(d.start)), Some(d.end), Some(2), Guessed);
        }
    }
    match members.iter().find_map(|&f| frames[f].reported) {
        Some(d) => (Some(a.dates[d].start), Some(a.dates[d].end), Some(2), Guessed),
        None => (None, None, None, Guessed),
    }
}

/// A report's first and last day, precision, and what they were read from.
type ReportDate = (Option<Date>, Option<Date>, Option<u8>, rules::reports::headline::DateSource);

/// The places a report names, each once, then the dateline's place.
fn place_mentions(a: &Annotations, members: &[&Frame]) -> Vec<PlaceMention> {
    let mut out: Vec<PlaceMention> = Vec::new();
    let named = members.iter().flat_map(|f| f.places.iter().map(|&p| &a.places[p]));
    for p in named.chain(a.places.iter().filter(|p| p.dateline)) {
        match out.iter_mut().find(|o| o.name == p.name) {
            // "Bristol" in the story, "BRISTOL, Tenn." in the dateline: the one that says where.
            Some(o) if o.context.is_empty() && !p.context.is_empty() => o.context = p.context.clone(),
            Some(_) => {}
            None => out.push(p.clone()),
        }
    }
    out
}

/// Which text of a document a claim was read in.
#[derive(Clone, Copy)]
enum Unit {
    Article,
    Title,
    Embedded(usize),
}

/// A claim and where its count and cue stand: in the article's text, or for an embedded post
/// the post's offset in the article.
struct Located {
    claim: Claim,
    at: Span,
}

/// Every casualty claim of a document, attributed: the article's, its title's, then each
/// embedded post's (whose author is the claimant).
pub fn claims(document: &Document, annotations: &Annotations) -> Vec<Claim> {
    located_claims(document, annotations, headline(document).as_ref()).into_iter().map(|l| l.claim).collect()
}

/// The annotations of a document's title, when it has one.
fn headline(document: &Document) -> Option<Annotations> {
    let published = document.published.as_ref().map(|p| p.date);
    document.title.as_deref().map(|title| sitrep_annotate::annotate_text(title, published))
}

/// `headline`: the title's annotations, when the document has a title.
fn located_claims(document: &Document, annotations: &Annotations, headline: Option<&Annotations>) -> Vec<Located> {
    let outlet = document.outlet.clone().unwrap_or_else(|| "the outlet".to_owned());
    let own = |source: Option<String>| source.unwrap_or_else(|| outlet.clone());
    let mut out = attributed(document, annotations, Unit::Article, &own);
    let published = document.published.as_ref().map(|p| p.date);
    if let Some(title_annotations) = headline {
        out.extend(attributed(document, title_annotations, Unit::Title, &own));
    }
    for (index, post) in document.embedded.iter().enumerate() {
        let post_annotations = sitrep_annotate::annotate_text(&post.text, published);
        // The author under their known name when the lexicon knows them, with the handle.
        let name = rules::attribution::claimants::normalise(&post.author, 0, &[]);
        let author = match &post.handle {
            Some(handle) => format!("{name} (@{handle})"),
            None => name,
        };
        let mut claims = attributed(document, &post_annotations, Unit::Embedded(index), &|_| author.clone());
        for c in &mut claims {
            c.at = Span::new(post.at, post.at);
        }
        out.extend(claims);
    }
    restated_totals(&mut out);
    out
}

/// A running total restated: a figure of the same kind, value and qualifier as one the
/// document marks as a running total is that total again ("more than 70 dead" in the lead,
/// "the number of fatalities exceeds 70" in the monitor's post). Vague figures ("dozens") are
/// too common to be told apart this way.
fn restated_totals(claims: &mut [Located]) {
    let totals: Vec<(String, u32, bool)> = claims
        .iter()
        .filter(|l| l.claim.aggregate && l.claim.vague_word.is_none())
        .map(|l| (l.claim.kind.clone(), l.claim.value, l.claim.qualifier == "exact"))
        .collect();
    for l in claims.iter_mut() {
        let c = &l.claim;
        if totals
            .iter()
            .any(|(kind, value, exact)| *kind == c.kind && *value == c.value && *exact == (c.qualifier == "exact"))
        {
            l.claim.aggregate = true;
        }
    }
    // The other figures of a sentence that states a running total belong to that tally
    // ("more than 70 have died and many others have been injured").
    let tallies: Vec<(Option<usize>, bool, Span)> = claims
        .iter()
        .filter(|l| l.claim.aggregate)
        .map(|l| (l.claim.embedded, l.claim.in_title, l.claim.span))
        .collect();
    for l in claims.iter_mut() {
        if tallies.contains(&(l.claim.embedded, l.claim.in_title, l.claim.span)) {
            l.claim.aggregate = true;
        }
    }
}

fn attributed(
    document: &Document,
    a: &Annotations,
    unit: Unit,
    claimant: &dyn Fn(Option<String>) -> String,
) -> Vec<Located> {
    let mentions = rules::attribution::claimants::mentions(a);
    rules::casualties::claims(a)
        .into_iter()
        .map(|found| {
            let first = a.token_at(found.sentence.start);
            let last = a.token_at(found.sentence.end);
            let source = rules::attribution::reporting_clause::source(&a.text, a, first, last)
                .map(|s| rules::attribution::claimants::normalise(&s, found.sentence.start, &mentions));
            let claim = Claim {
                kind: found.kind,
                value: found.value,
                high: found.high,
                qualifier: found.qualifier,
                vague_word: found.vague_word,
                category: found.category,
                tags: found.tags,
                claimant: claimant(source),
                aggregate: found.aggregate,
                document_id: document.id.clone(),
                span: found.sentence,
                embedded: match unit {
                    Unit::Embedded(i) => Some(i),
                    _ => None,
                },
                in_title: matches!(unit, Unit::Title),
                victims: found.victims,
                part_of: None,
                quote: found.sentence.slice(&a.text).to_owned(),
            };
            Located { claim, at: found.span }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::rules::reports::headline::tests::reports;

    fn day(r: &sitrep_model::Report) -> String {
        r.date_start.map(|d| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn a_station_s_call_sign_is_a_cue_to_its_country() {
        let r = reports("Two shot in Marlow - WXYZ TV 7", "Two men were shot Friday in Marlow.");
        assert_eq!(r[0].country_cues, ["US"]);
        assert!(reports("Two shot in Marlow", "Two men were shot Friday in Marlow.")[0].country_cues.is_empty());
    }

    #[test]
    fn a_country_s_people_named_are_a_cue_to_it_once() {
        let r = reports("Protest", "Hundreds of Lebanese farmers and Lebanese students marched on Friday.");
        assert_eq!(r[0].demonym_cues, ["LB"]);
    }

    #[test]
    fn a_town_named_bare_takes_the_state_its_dateline_gives_it() {
        let r = reports("Man shot", "MARLOW, Kan. (AP) — A man was shot Friday in Marlow, police said.");
        let marlow = r[0].place_mentions.iter().find(|m| m.name == "Marlow").unwrap();
        assert_eq!(marlow.context, ["Kan"]);
    }

    #[test]
    fn a_victim_s_death_does_not_date_the_incident_told_before_or_after() {
        let r = reports(
            "Boy dies after shooting",
            "A boy died Monday after a shooting in Marlow. Deputies say the shooting happened around 10 p.m. Saturday.",
        );
        assert_eq!((r.len(), day(&r[0]).as_str()), (1, "2024-05-04"));
        let r = reports(
            "Man dies of gunshot wound",
            "A man has died of a gunshot wound. The incident happened at 10 p.m. Saturday at a home in Marlow. \
             He died at 4:25 a.m. on Sunday, the coroner said.",
        );
        assert_eq!(day(&r[0]), "2024-05-04");
        // A date of something else told around it is not the incident's.
        let r = reports("Man dies", "A man died Sunday after he was shot in Marlow. The county fair opened Friday.");
        assert_eq!(day(&r[0]), "2024-05-05");
    }

    #[test]
    fn a_span_gives_way_to_a_day_inside_it() {
        let r = reports(
            "Man killed",
            "A man was shot dead in Marlow over the weekend. It happened Saturday night outside a bar.",
        );
        assert_eq!((day(&r[0]).as_str(), r[0].date_precision), ("2024-05-04", Some(1)));
        // A day outside the span is another's.
        let r = reports("Man killed", "A man was shot dead in Marlow last week. His brother was shot Monday.");
        assert_ne!(day(&r[0]), "2024-05-06");
    }

    #[test]
    fn an_arrest_s_date_gives_way_to_the_incident_s() {
        let r = reports(
            "Woman arrested",
            "A Marlow woman was arrested Thursday night in connection with the shooting of a child. She has been \
             charged with neglect for an incident at a home in Marlow on Saturday. The child was wounded.",
        );
        assert_eq!(day(&r[0]), "2024-05-04");
        // Alone, the arrest's date is all there is.
        let r = reports("Woman arrested", "A Marlow woman was arrested Thursday night after a shooting in Marlow.");
        assert_eq!(day(&r[0]), "2024-05-02");
    }

    #[test]
    fn a_charge_s_date_does_not_date_the_crime_it_names() {
        let r = reports(
            "Police seek murder suspect",
            "On May 3, police obtained an arrest warrant for first-degree murder for a Marlow man. \
             About 8:30 p.m. May 1, officers responded to a call for a shooting at a home in Marlow.",
        );
        assert_eq!(day(&r[0]), "2024-05-01");
        // A date after the crime is the crime's; an arrest alone keeps its date.
        let r = reports(
            "Man arrested",
            "Police have arrested a man accused of killing two people and wounding three others Saturday night in Marlow. He was arrested Sunday, where he fled after the shooting.",
        );
        assert_eq!(day(&r[0]), "2024-05-04");
    }
}

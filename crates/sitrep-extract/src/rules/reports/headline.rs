//! The headline names the article's main incident: its day and place fill in what the text
//! leaves out. "Gang activity suspected in Thursday night shooting in Marlow" over an article that
//! says only "a man was shot": the report is dated Thursday and placed in Marlow.
//!
//! The main incident is the report that states a figure of the headline, else the first
//! incident report. It takes the headline's event date when its own date is only the reporting
//! date (or none), and the headline's places when it names none. In a headline in title case
//! ("Man Charged In Triple Shooting") every word is capitalised, so only places the text also
//! names count. A headline with no report to
//! take them (an article whose text was lost) gives them to the report its figures made.
//!
//! A headline that tells an act of violence over a text that tells none (the text was lost
//! behind a paywall, a sign-up form or a cookie notice) is the report itself: "Police
//! investigate shooting in Marlow" over "Close" is a shooting in Marlow, dated by the headline or
//! else by publication. Not when the text tells any incident, nor when the headline tells no act
//! ("Council debates new budget").
//!
//! Not here: reading the headline's figures (they are claims like the text's, `in_title`).

use sitrep_annotate::Annotations;
use sitrep_model::{Document, Report};

use super::frames::Frame;

/// What a report's date was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// An event date in the report's own sentences.
    Told,
    /// Only the reporting date, the sentence around an earlier incident, or nothing.
    Guessed,
}

/// Fills the main incident's date and places from the headline's annotations.
pub fn fill(reports: &mut [Report], sources: &[DateSource], headline: &Annotations, text: &str) {
    let main = reports
        .iter()
        .position(|r| !r.aggregate && r.claims.iter().any(|c| c.in_title))
        .or_else(|| reports.iter().position(|r| !r.aggregate));
    let Some(main) = main else { return };
    let report = &mut reports[main];
    if sources.get(main) != Some(&DateSource::Told)
        && let Some(date) = headline.dates.iter().find(|d| d.role == "event")
    {
        report.date_start = Some(date.start);
        report.date_end = Some(date.end);
        report.date_precision = Some(date.precision);
    }
    if report.place_mentions.iter().all(|p| p.dateline) {
        let mut taken: Vec<sitrep_model::PlaceMention> = Vec::new();
        for p in places(headline, text) {
            if !report.place_mentions.iter().chain(&taken).any(|o| o.name == p.name) {
                taken.push(p);
            }
        }
        report.place_mentions.splice(0..0, taken);
    }
}

/// The report a headline makes on its own, when it tells an act of violence; its date and
/// places come from `fill`, as for any main incident.
pub fn report(document: &Document, headline: &Annotations) -> Option<Report> {
    let frames = super::frames::frames(headline, &[]);
    let members: Vec<&Frame> = frames.iter().filter(|f| !f.triggers.is_empty()).collect();
    if members.is_empty() {
        return None;
    }
    let described: Vec<_> =
        members.iter().flat_map(|f| crate::rules::actors::described(headline, f.first, f.last)).collect();
    let (event_type, sub_event_type) = super::event_type::event_type(headline, &members, &[], &described);
    Some(Report {
        document_id: document.id.clone(),
        event_type,
        sub_event_type,
        date_start: None,
        date_end: None,
        date_precision: None,
        place_mentions: Vec::new(),
        document_places: Vec::new(),
        country_cues: Vec::new(),
        demonym_cues: Vec::new(),
        outlet_home: Vec::new(),
        area_cues: Vec::new(),
        actors: crate::rules::actors::actors(&described),
        aggregate: false,
        spans: Vec::new(),
        claims: Vec::new(),
    })
}

/// The places a headline names. In a headline in title case every word is capitalised, so only
/// places the text also names count. The headline's spans point into the headline, not the
/// text: only names and context are kept meaningful, at an empty span.
pub fn places(headline: &Annotations, text: &str) -> Vec<sitrep_model::PlaceMention> {
    let title_case = title_case(&headline.text);
    headline
        .places
        .iter()
        .filter(|p| !title_case || names_word(text, &p.name))
        .map(|p| sitrep_model::PlaceMention { span: sitrep_model::Span::new(0, 0), ..p.clone() })
        .collect()
}

/// Whether `text` has `name` as whole words ("Marlow", not inside "Marlowe").
fn names_word(text: &str, name: &str) -> bool {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(name)
        .any(|(at, _)| boundary(text[..at].chars().next_back()) && boundary(text[at + name.len()..].chars().next()))
}

/// Whether most words of four or more are capitalised.
/// Whether a headline (or any line) is in title case: most of its words capitalised.
pub(crate) fn title_case(headline: &str) -> bool {
    let words: Vec<&str> = headline.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    // By its first letter: "4-Year-Old" is capitalised.
    let capitalised =
        words.iter().filter(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)).count();
    words.len() >= 4 && capitalised * 4 >= words.len() * 3
}

#[cfg(test)]
pub(crate) mod tests {
    use sitrep_model::{Document, Paragraph, Published, SourceRef, Span};

    /// The reports of a document published on Monday 6 May 2024.
    pub(crate) fn reports(title: &str, text: &str) -> Vec<sitrep_model::Report> {
        let d = Document {
            id: "d".into(),
            content_hash: String::new(),
            raw_hash: String::new(),
            outlet: None,
            url: None,
            published: Some(Published::on(jiff::civil::date(2024, 5, 6))),
            title: Some(title.into()),
            language: Some("en".into()),
            text: text.into(),
            paragraphs: vec![Paragraph { span: Span::new(0, text.len()), language: Some("en".into()) }],
            embedded: vec![],
            dropped: vec![],
            repairs: vec![],
            source: SourceRef { path: "d.txt".into(), format: "text".into(), record: None },
            near_duplicate_of: None,
        };
        let a = sitrep_annotate::annotate(&d);
        crate::extract(&d, &a)
    }

    #[test]
    fn the_headline_dates_and_places_a_report_the_text_does_not() {
        let r = reports(
            "Gang activity suspected in Thursday night shooting in Marlow",
            "A man was shot and wounded, police said. Detectives asked witnesses to come forward.",
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].date_start.map(|d| d.to_string()).as_deref(), Some("2024-05-02"));
        assert_eq!(r[0].date_precision, Some(1));
        assert_eq!(r[0].place_mentions.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["Marlow"]);
        // A word opening with digits is capitalised by its first letter.
        let r = reports("4-Year-Old Critically Wounds 3-Year-Old In Accidental Shooting", "A boy was shot on Friday.");
        assert!(r[0].place_mentions.is_empty(), "{:?}", r[0].place_mentions);
    }

    #[test]
    fn a_headline_over_a_lost_text_is_the_report() {
        let r = reports("Police investigate Thursday night shooting in Marlow", "Close");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].date_start.map(|d| d.to_string()).as_deref(), Some("2024-05-02"));
        assert_eq!(r[0].place_mentions.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["Marlow"]);
        assert!(r[0].event_type.is_some());
        // No act of violence, or the text tells its own incident.
        assert!(reports("Council debates new budget in Marlow", "Close").is_empty());
        let r = reports("Police investigate shooting in Marlow", "Two men were wounded in Kessel on Friday.");
        assert_eq!(r.len(), 1);
        assert!(r[0].claims.iter().all(|c| !c.in_title));
    }

    #[test]
    fn a_title_case_headline_gives_only_places_the_text_names() {
        let r =
            reports("Man Charged In Triple Shooting In Marlow", "A man was shot and wounded on Friday, police said.");
        assert!(r[0].place_mentions.is_empty(), "{:?}", r[0].place_mentions);
        let r = reports("Man Charged In Triple Shooting In Marlow", "A Marlowe man was shot and wounded on Friday.");
        assert!(r[0].place_mentions.iter().all(|p| p.name != "Marlow"), "{:?}", r[0].place_mentions);
        let r = reports("Man Charged In Triple Shooting In Marlow", "A Marlow man was shot and wounded on Friday.");
        assert_eq!(r[0].place_mentions.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["Marlow"]);
        // A word opening with digits is capitalised by its first letter.
        let r = reports("4-Year-Old Critically Wounds 3-Year-Old In Accidental Shooting", "A boy was shot on Friday.");
        assert!(r[0].place_mentions.is_empty(), "{:?}", r[0].place_mentions);
    }

    #[test]
    fn the_first_report_carries_the_country_words_of_institutions_once_each() {
        let r = reports(
            "Shooting in Marlow leaves one hurt",
            "A man was shot and wounded on Friday, the sheriff's office said.\n\n\
             The Sheriff's Office and the FBI are investigating; the sheriff's office asked for tips.",
        );
        assert_eq!(r[0].country_cues, vec!["US", "US"], "the sheriff's office and the FBI");
        assert!(r.iter().skip(1).all(|r| r.country_cues.is_empty()));
    }

    #[test]
    fn the_first_report_carries_every_place_the_document_names() {
        let r = reports(
            "Shooting in Marlow leaves one hurt",
            "A man was shot and wounded on Friday, police said.\n\n\
             The mayor spoke at a meeting in Kessel. She lives in Marlow and works in Marlow.",
        );
        let names = |places: &[sitrep_model::PlaceMention]| places.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&r[0].document_places), vec!["Marlow", "Kessel", "Marlow", "Marlow"]);
        assert!(r.iter().skip(1).all(|r| r.document_places.is_empty()));
        // Not the report's own places: those are the ones its sentences name.
        assert_eq!(names(&r[0].place_mentions), vec!["Marlow"]);
    }

    #[test]
    fn the_text_s_own_date_and_place_stand() {
        let r = reports(
            "Thursday night shooting in Marlow leaves one hurt",
            "A man was shot and wounded in Kessel on Friday, police said.",
        );
        assert_eq!(r[0].date_start.map(|d| d.to_string()).as_deref(), Some("2024-05-03"));
        assert_eq!(r[0].place_mentions.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["Kessel"]);
    }
}

//! The resolver on reports written for each phenomenon: reports of one incident from several
//! outlets merge, different incidents stay apart, running totals contain their incidents, and
//! the same input gives the same ids.

use jiff::civil::{Date, date};
use sitrep_geo::LocatedReport;
use sitrep_model::{Claim, EventRecord, PlaceMention, Report, SourceCitation, Span};
use sitrep_resolve::{Resolver, SourceDocument};

struct Doc {
    id: &'static str,
    outlet: &'static str,
    published: Date,
    text: &'static str,
    copy_of: Option<&'static str>,
}

fn doc(id: &'static str, outlet: &'static str, published: Date, text: &'static str) -> Doc {
    Doc { id, outlet, published, text, copy_of: None }
}

fn claim(doc: &Doc, kind: &str, value: u32, category: &str, claimant: &str) -> Claim {
    Claim {
        quote: doc.text.into(),
        ..Claim::exact(kind, value, category, claimant, doc.id, Span::new(0, doc.text.len()))
    }
}

fn place(name: &str, context: &[&str]) -> PlaceMention {
    PlaceMention {
        span: Span::new(0, 0),
        name: name.into(),
        feature: None,
        feature_word: None,
        context: context.iter().map(|c| (*c).to_owned()).collect(),
        dateline: false,
    }
}

fn report(doc: &Doc, event_type: &str, day: Option<Date>, places: Vec<PlaceMention>, claims: Vec<Claim>) -> Report {
    Report {
        document_id: doc.id.into(),
        event_type: Some(event_type.into()),
        sub_event_type: None,
        date_start: day,
        date_end: day,
        date_precision: day.map(|_| 1),
        place_mentions: places,
        document_places: vec![],
        country_cues: Vec::new(),
        demonym_cues: Vec::new(),
        outlet_home: Vec::new(),
        area_cues: Vec::new(),
        actors: vec![],
        claims,
        aggregate: false,
        spans: vec![Span::new(0, doc.text.len())],
    }
}

fn add(resolver: &mut Resolver, doc: &Doc, reports: Vec<Report>) {
    let located = reports.into_iter().map(|report| LocatedReport { report, location: None }).collect();
    resolver.add(source(doc), doc.text, located);
}

fn source(doc: &Doc) -> SourceDocument {
    SourceDocument {
        citation: SourceCitation {
            document_id: doc.id.into(),
            outlet: Some(doc.outlet.into()),
            url: None,
            published: Some(doc.published.to_string()),
            title: None,
            copy_of: doc.copy_of.map(str::to_owned),
        },
        published: Some(doc.published),
    }
}

const MAY_3: Date = date(2024, 5, 3);
const MAY_4: Date = date(2024, 5, 4);

/// Two outlets on a market bombing in Arnoun, one with itemised deaths, the second a day later
/// with a higher count, plus a running total for the province.
fn market_bombing(resolver: &mut Resolver) {
    let a = doc(
        "courier-1",
        "Valley Courier",
        MAY_3,
        "A car bomb exploded at the Arnoun market on Friday, killing five people.",
    );
    let mut ca = vec![
        claim(&a, "killed", 5, "all", "police"),
        claim(&a, "killed", 4, "civilians", "police"),
        claim(&a, "killed", 1, "state_forces", "police"),
    ];
    ca[1].part_of = Some(0);
    ca[2].part_of = Some(0);
    add(
        resolver,
        &a,
        vec![report(&a, "Explosions/Remote violence", Some(MAY_3), vec![place("Arnoun", &["Nabatieh"])], ca)],
    );

    let b =
        doc("gazette-1", "Harbour Gazette", MAY_4, "The toll of Friday's car bomb at the Arnoun market rose to seven.");
    let cb = vec![claim(&b, "killed", 7, "all", "health ministry")];
    add(resolver, &b, vec![report(&b, "Explosions/Remote violence", Some(MAY_3), vec![place("Arnoun", &[])], cb)]);

    let t = doc("gazette-2", "Harbour Gazette", MAY_4, "More than 20 people were killed across Nabatieh this week.");
    let mut total = claim(&t, "killed", 20, "all", "monitor");
    total.qualifier = "more_than".into();
    total.aggregate = true;
    let mut r = report(&t, "Battles", None, vec![place("Nabatieh", &[])], vec![total]);
    r.aggregate = true;
    add(resolver, &t, vec![r]);
}

fn incidents(events: &[EventRecord]) -> Vec<&EventRecord> {
    events.iter().filter(|e| !e.aggregate).collect()
}

#[test]
fn two_outlets_on_one_bombing_make_one_event_with_reconciled_figures() {
    let mut resolver = Resolver::new();
    market_bombing(&mut resolver);
    let events = resolver.events();
    let bombing = incidents(&events);
    assert_eq!(bombing.len(), 1);
    let e = bombing[0];
    assert_eq!((e.n_documents, e.n_outlets), (2, 2));
    assert_eq!((e.fatalities.low, e.fatalities.best, e.fatalities.high), (5, 7, 7));
    assert_eq!((e.fatalities.civilians, e.fatalities.state_forces), (4, 1));
    assert_eq!(e.date_start, Some(MAY_3));
    assert_eq!(e.date_precision, Some(1));
    assert_eq!(e.location.name.as_deref(), Some("Arnoun"));
    assert!(e.flags.contains(&"claims_disagree".to_string()));
    // The part_of links point into the event's own claim list.
    assert_eq!(e.claims[1].part_of, Some(0));
    insta::assert_json_snapshot!("bombing", e);
}

#[test]
fn a_running_total_is_its_own_event_and_contains_the_incident() {
    let mut resolver = Resolver::new();
    market_bombing(&mut resolver);
    let events = resolver.events();
    let total = events.iter().find(|e| e.aggregate).expect("an aggregate event");
    assert_eq!(total.fatalities.low, 20);
    assert_eq!(incidents(&events)[0].part_of, vec![total.event_id.clone()]);
}

#[test]
fn the_same_input_gives_the_same_ids_and_an_updated_document_replaces_its_reports() {
    let (mut first, mut second) = (Resolver::new(), Resolver::new());
    market_bombing(&mut first);
    market_bombing(&mut second);
    assert_eq!(first.events(), second.events());
    // Adding the documents again changes nothing.
    market_bombing(&mut second);
    assert_eq!(first.events(), second.events());
}

#[test]
fn same_street_same_night_different_victims_stay_apart() {
    let mut resolver = Resolver::new();
    let a = doc("a", "Ridge Post", MAY_4, "Ann Reed, 23, was shot dead on Elm Street in Tyre late Friday.");
    let mut ka = claim(&a, "killed", 1, "all", "police");
    ka.victims = vec!["Ann Reed".into()];
    add(
        &mut resolver,
        &a,
        vec![report(&a, "Violence against civilians", Some(MAY_3), vec![place("Tyre", &[])], vec![ka])],
    );
    let b = doc("b", "River Times", MAY_4, "Tom Hale, 40, was shot dead on Elm Street in Tyre on Friday night.");
    let mut kb = claim(&b, "killed", 1, "all", "police");
    kb.victims = vec!["Tom Hale".into()];
    add(
        &mut resolver,
        &b,
        vec![report(&b, "Violence against civilians", Some(MAY_3), vec![place("Tyre", &[])], vec![kb])],
    );
    assert_eq!(resolver.events().len(), 2);

    // A third outlet naming Ann Reed joins her event even without a date of its own.
    let c = doc("c", "Valley Courier", MAY_4, "Friends remembered Ann Reed, who was killed in Tyre.");
    let mut kc = claim(&c, "killed", 1, "all", "Valley Courier");
    kc.victims = vec!["Ann Reed".into()];
    add(&mut resolver, &c, vec![report(&c, "Violence against civilians", None, vec![place("Tyre", &[])], vec![kc])]);
    let events = resolver.events();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].n_documents, 2);
}

#[test]
fn victims_named_apart_but_a_person_in_common_may_be_one_incident() {
    // The second outlet's victim name was misread (the shooter's), but both tell of Lee Marsh.
    let mut resolver = Resolver::new();
    // Other news first, so that the words the two share say something.
    for (id, text) in [("x", "A bus fare rise was approved in Kessel."), ("y", "A school opened in Marlow.")] {
        let other = doc(id, "Ridge Post", MAY_4, text);
        add(&mut resolver, &other, vec![report(&other, "Protests", Some(MAY_4), vec![place("Kessel", &[])], vec![])]);
    }
    let a = doc("a", "Ridge Post", MAY_4, "Police said Lee Marsh, 30, was shot dead in Tyre on Friday.");
    let mut ka = claim(&a, "killed", 1, "all", "police");
    ka.victims = vec!["Lee Marsh".into()];
    add(
        &mut resolver,
        &a,
        vec![report(&a, "Violence against civilians", Some(MAY_3), vec![place("Tyre", &[])], vec![ka])],
    );
    let b = doc("b", "River Times", MAY_4, "Police said Dan Cole shot Lee Marsh dead in Tyre on Friday.");
    let mut kb = claim(&b, "killed", 1, "all", "police");
    kb.victims = vec!["Dan Cole".into()];
    add(
        &mut resolver,
        &b,
        vec![report(&b, "Violence against civilians", Some(MAY_3), vec![place("Tyre", &[])], vec![kb])],
    );
    let events = resolver.events();
    let with_a = events.iter().find(|e| e.sources.iter().any(|s| s.document_id == "a")).unwrap();
    assert!(with_a.sources.iter().any(|s| s.document_id == "b"), "{events:#?}");
}

#[test]
fn a_syndicated_copy_is_one_outlet() {
    let mut resolver = Resolver::new();
    let a = doc("wire", "Wire Service", MAY_4, "Two soldiers were killed in an ambush near Sidon on Friday.");
    let mut b = doc("copy", "Town Daily", MAY_4, "Two soldiers were killed in an ambush near Sidon on Friday.");
    b.copy_of = Some("wire");
    for d in [&a, &b] {
        let k = claim(d, "killed", 2, "state_forces", "army");
        add(&mut resolver, d, vec![report(d, "Battles", Some(MAY_3), vec![place("Sidon", &[])], vec![k])]);
    }
    let events = resolver.events();
    assert_eq!(events.len(), 1);
    assert_eq!((events[0].n_documents, events[0].n_outlets), (2, 1));
}

#[test]
fn different_days_or_towns_are_different_events() {
    let mut resolver = Resolver::new();
    let a = doc("a", "Ridge Post", MAY_4, "Shelling hit Tyre on Friday.");
    add(
        &mut resolver,
        &a,
        vec![report(&a, "Explosions/Remote violence", Some(MAY_3), vec![place("Tyre", &[])], vec![])],
    );
    let b = doc("b", "River Times", date(2024, 5, 8), "Shelling hit Tyre on Tuesday.");
    add(
        &mut resolver,
        &b,
        vec![report(&b, "Explosions/Remote violence", Some(date(2024, 5, 7)), vec![place("Tyre", &[])], vec![])],
    );
    let c = doc("c", "River Times", MAY_4, "Shelling hit Sidon on Friday.");
    add(
        &mut resolver,
        &c,
        vec![report(&c, "Explosions/Remote violence", Some(MAY_3), vec![place("Sidon", &[])], vec![])],
    );
    assert_eq!(resolver.events().len(), 3);
}

#[test]
fn a_total_dated_the_day_after_contains_the_day_before() {
    let mut resolver = Resolver::new();
    let a = doc("a", "Ridge Post", MAY_4, "Clashes in Arnoun on Thursday killed three fighters.");
    let k = claim(&a, "killed", 3, "armed_group", "army");
    add(&mut resolver, &a, vec![report(&a, "Battles", Some(MAY_3), vec![place("Arnoun", &["Nabatieh"])], vec![k])]);
    let t = doc("t", "River Times", MAY_4, "The toll of the fighting in Nabatieh passed 30 on Friday.");
    let mut total = claim(&t, "killed", 30, "all", "monitor");
    total.aggregate = true;
    let mut r = report(&t, "Battles", Some(MAY_4), vec![place("Nabatieh", &[])], vec![total]);
    r.aggregate = true;
    add(&mut resolver, &t, vec![r]);
    let events = resolver.events();
    let total = events.iter().find(|e| e.aggregate).unwrap();
    assert_eq!(incidents(&events)[0].part_of, vec![total.event_id.clone()]);
}

#[test]
fn an_updated_founder_that_no_longer_matches_gets_an_id_of_its_own() {
    let mut resolver = Resolver::new();
    market_bombing(&mut resolver);
    // The first report of the bombing is corrected to a different town and day: the bombing
    // event keeps its id through the second outlet, and the corrected report founds another.
    let a = doc("courier-1", "Valley Courier", MAY_4, "A car bomb exploded in Tyre on Saturday, killing two people.");
    let k = claim(&a, "killed", 2, "all", "police");
    add(
        &mut resolver,
        &a,
        vec![report(&a, "Explosions/Remote violence", Some(MAY_4), vec![place("Tyre", &[])], vec![k])],
    );
    let events = resolver.events();
    let mut ids: Vec<&str> = events.iter().map(|e| e.event_id.as_str()).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "ids are unique");
    assert_eq!(incidents(&events).len(), 2);
}

/// An article told as two reports (its lead, and a later paragraph that names no place):
/// one event, not two sharing the article.
#[test]
fn an_incident_told_in_two_parts_of_an_article_is_one_event() {
    let mut resolver = Resolver::new();
    let lead = doc("ledger-1", "Northern Ledger", MAY_4, "Gunmen killed two men at a cafe in Arnoun on Friday.");
    let first = report(
        &lead,
        "Violence against civilians",
        Some(MAY_3),
        vec![place("Arnoun", &[])],
        vec![claim(&lead, "killed", 2, "civilians", "police")],
    );
    let later = report(
        &lead,
        "Violence against civilians",
        Some(MAY_3),
        vec![],
        vec![claim(&lead, "killed", 2, "civilians", "police")],
    );
    add(&mut resolver, &lead, vec![first, later]);
    assert_eq!(incidents(&resolver.events()).len(), 1);
    // A round-up of two shootings with different tolls stays two events.
    let roundup = doc("ledger-2", "Northern Ledger", MAY_4, "One man died in Tyre; in Sidon three were shot dead.");
    let tyre = report(
        &roundup,
        "Violence against civilians",
        Some(MAY_4),
        vec![place("Tyre", &[])],
        vec![claim(&roundup, "killed", 1, "civilians", "police")],
    );
    let sidon = report(
        &roundup,
        "Violence against civilians",
        Some(MAY_4),
        vec![place("Tyre", &[])],
        vec![claim(&roundup, "killed", 3, "civilians", "police")],
    );
    add(&mut resolver, &roundup, vec![tyre, sidon]);
    assert_eq!(incidents(&resolver.events()).len(), 3);
}

#[test]
fn a_follow_up_naming_the_victim_joins_the_incident_and_keeps_its_date() {
    let mut resolver = Resolver::new();
    // The arrest story comes first: the incident it follows keeps its own date.
    let later =
        doc("later", "Ridge Post", date(2024, 5, 24), "Police arrested a man in the killing of Ann Reed in Marlow.");
    let k = claim(&later, "killed", 1, "civilians", "police");
    add(
        &mut resolver,
        &later,
        vec![report(
            &later,
            "Violence against civilians",
            Some(date(2024, 5, 23)),
            vec![place("Marlow", &[])],
            vec![k],
        )],
    );
    let first = doc("first", "River Times", MAY_4, "Ann Reed, 23, was shot and killed in Marlow on Friday.");
    let k = claim(&first, "killed", 1, "civilians", "police");
    add(
        &mut resolver,
        &first,
        vec![report(&first, "Violence against civilians", Some(MAY_3), vec![place("Marlow", &[])], vec![k])],
    );
    let events = resolver.events();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].date_start, Some(MAY_3));
    assert_eq!(events[0].n_documents, 2);
}

#[test]
fn days_apart_without_a_person_in_common_stay_apart() {
    let mut resolver = Resolver::new();
    let a = doc("a", "Ridge Post", MAY_4, "Ann Reed, 23, was shot and killed in Marlow on Friday.");
    let k = claim(&a, "killed", 1, "civilians", "police");
    add(
        &mut resolver,
        &a,
        vec![report(&a, "Violence against civilians", Some(MAY_3), vec![place("Marlow", &[])], vec![k])],
    );
    let b = doc("b", "River Times", date(2024, 5, 24), "Bo Li, 30, was shot and killed in Marlow on Thursday.");
    let k = claim(&b, "killed", 1, "civilians", "police");
    add(
        &mut resolver,
        &b,
        vec![report(&b, "Violence against civilians", Some(date(2024, 5, 23)), vec![place("Marlow", &[])], vec![k])],
    );
    assert_eq!(resolver.events().len(), 2);
}

#[test]
fn reports_placed_only_by_their_home_towns_meet_near_and_part_far() {
    // "A man was shot and killed on Friday": each story names no place; geocoding put each in
    // its document's home town.
    let at = |doc: &Doc, town: &str, lat: f64| {
        let k = claim(doc, "killed", 1, "civilians", "police");
        let location = sitrep_model::Location {
            name: Some(town.into()),
            lat: Some(lat),
            lon: Some(-90.0),
            geo_precision: Some(2),
            where_prec: Some(2),
            ..Default::default()
        };
        let report = report(doc, "Violence against civilians", Some(MAY_3), vec![], vec![k]);
        vec![LocatedReport { report, location: Some(location) }]
    };
    let a = doc("a", "Ridge Post", MAY_4, "A man was shot and killed on Friday, police said.");
    let b = doc("b", "River Times", MAY_4, "Police said a man was shot and killed Friday.");
    let c = doc("c", "Delta Star", MAY_4, "A man was shot and killed on Friday night.");
    let mut resolver = Resolver::new();
    resolver.add(source(&a), a.text, at(&a, "Marlow", 35.0));
    resolver.add(source(&b), b.text, at(&b, "Marlow", 35.01));
    resolver.add(source(&c), c.text, at(&c, "Kessel", 38.0));
    let events = resolver.events();
    assert_eq!(events.iter().map(|e| e.sources.len()).collect::<Vec<_>>(), vec![2, 1]);
}

#[test]
fn a_toll_one_higher_may_be_the_same_incident_two_higher_is_not() {
    // Each pair: a report dated to the day, and one dated only to the two days before its
    // publication (overlapping windows, +1), in the same town (+2), of the same type (+0.5).
    let joined = |later_toll: u32| {
        let mut resolver = Resolver::new();
        let a = doc("a", "Ridge Post", MAY_4, "A man was shot dead in Tyre on Friday.");
        let ka = claim(&a, "killed", 1, "all", "police");
        add(
            &mut resolver,
            &a,
            vec![report(&a, "Violence against civilians", Some(MAY_3), vec![place("Tyre", &[])], vec![ka])],
        );
        let b = doc("b", "River Times", MAY_4, "Gunfire in Tyre left people dead.");
        let kb = claim(&b, "killed", later_toll, "all", "police");
        let mut rb =
            report(&b, "Violence against civilians", Some(date(2024, 5, 2)), vec![place("Tyre", &[])], vec![kb]);
        rb.date_end = Some(MAY_3);
        add(&mut resolver, &b, vec![rb]);
        resolver.events().len() == 1
    };
    assert!(joined(1), "the same toll");
    assert!(joined(2), "one of the wounded died since");
    assert!(!joined(3), "two more dead: another incident");
}

#[test]
fn naming_the_same_state_does_not_put_two_shootings_in_one_town() {
    let admin = |name: &str| PlaceMention { feature: Some("admin".into()), ..place(name, &[]) };
    let a = doc("herald-9", "Plains Herald", MAY_3, "A man was shot dead outside a bar in Alden, Texas, on Friday.");
    let b =
        doc("ledger-9", "Hill Ledger", MAY_3, "Two women were wounded at a gas station in Boerne, Texas, on Friday.");
    let mut resolver = Resolver::new();
    let ka = vec![claim(&a, "killed", 1, "all", "police")];
    add(
        &mut resolver,
        &a,
        vec![report(&a, "Violence against civilians", Some(MAY_3), vec![place("Alden", &[]), admin("Texas")], ka)],
    );
    let kb = vec![claim(&b, "injured", 2, "all", "police")];
    add(
        &mut resolver,
        &b,
        vec![report(&b, "Violence against civilians", Some(MAY_3), vec![place("Boerne", &[]), admin("Texas")], kb)],
    );
    assert_eq!(incidents(&resolver.events()).len(), 2);
}

#[test]
fn an_article_told_in_a_quarter_and_its_city_is_one_event() {
    let a = doc(
        "bay-1",
        "Bay Post",
        MAY_4,
        "Six were shot at a party in Eastwick on Friday. Marlow police said the six were wounded.",
    );
    let located = |places: Vec<PlaceMention>, day: Option<Date>, lat: f64| {
        let k = claim(&a, "injured", 6, "all", "police");
        let report = report(&a, "Violence against civilians", day, places, vec![k]);
        let location = sitrep_model::Location { lat: Some(lat), lon: Some(-71.1), ..Default::default() };
        LocatedReport { report, location: Some(location) }
    };
    let mut resolver = Resolver::new();
    let reports = vec![
        located(vec![place("Eastwick", &[])], Some(MAY_3), 42.31),
        located(vec![place("Marlow", &[])], None, 42.36),
    ];
    resolver.add(source(&a), a.text, reports);
    assert_eq!(incidents(&resolver.events()).len(), 1);
}

#[test]
fn the_same_person_named_on_the_same_day_is_one_incident() {
    let a = doc("post-7", "Ridge Post", MAY_4, "Ann Reed was wounded by gunfire near her home on Friday.");
    let b =
        doc("times-7", "River Times", MAY_4, "Relatives said Ann Reed remained in hospital after Friday's shooting.");
    let mut resolver = Resolver::new();
    let ka = vec![claim(&a, "injured", 1, "civilians", "police")];
    add(&mut resolver, &a, vec![report(&a, "Violence against civilians", Some(MAY_3), vec![], ka)]);
    let kb = vec![claim(&b, "injured", 1, "civilians", "relatives")];
    add(&mut resolver, &b, vec![report(&b, "Violence against civilians", Some(MAY_3), vec![], kb)]);
    assert_eq!(incidents(&resolver.events()).len(), 1);
}

/// Two events of one incident that grew apart (the first outlet named the town, the second only
/// the province, so neither matched the other) are joined once two later reports, naming both,
/// match both — even with tolls that differ as a toll grows. One such report is not enough.
#[test]
fn events_of_one_incident_that_grew_apart_are_joined_by_reports_matching_both() {
    let mut resolver = Resolver::new();
    let kill = |d: &Doc, n: u32| vec![claim(d, "killed", n, "all", "police")];
    let town = doc("courier-1", "Valley Courier", MAY_3, "Gunmen killed three people in Arnoun on Friday.");
    add(&mut resolver, &town, vec![report(&town, "Battles", Some(MAY_3), vec![place("Arnoun", &[])], kill(&town, 3))]);
    let province =
        doc("gazette-1", "Harbour Gazette", MAY_3, "Four people were killed by gunmen in Nabatieh on Friday.");
    let in_province = vec![place("Nabatieh", &[])];
    add(&mut resolver, &province, vec![report(&province, "Battles", Some(MAY_3), in_province, kill(&province, 4))]);
    assert_eq!(incidents(&resolver.events()).len(), 2);
    let both = |id: &'static str| doc(id, "Hill Post", MAY_4, "Gunmen killed four in Arnoun, Nabatieh, on Friday.");
    let first = both("post-1");
    let named = || vec![place("Arnoun", &[]), place("Nabatieh", &[])];
    add(&mut resolver, &first, vec![report(&first, "Battles", Some(MAY_3), named(), kill(&first, 4))]);
    assert_eq!(incidents(&resolver.events()).len(), 2, "one report matching both is not enough");
    let second = both("post-2");
    add(&mut resolver, &second, vec![report(&second, "Battles", Some(MAY_3), named(), kill(&second, 4))]);
    let events = resolver.events();
    let joined = incidents(&events);
    assert_eq!(joined.len(), 1);
    assert_eq!(joined[0].n_documents, 4);
    // The earlier event keeps its id.
    assert!(joined[0].sources.iter().any(|s| s.document_id == "courier-1"));
}

/// The event's place is where most of its documents put it: one outlet's namesake abroad, placed
/// more precisely, does not outvote three that agree.
#[test]
fn the_event_is_placed_where_most_of_its_documents_put_it() {
    let mut resolver = Resolver::new();
    let located = |iso2: &str, admin1: &str, precision: u8| sitrep_model::Location {
        name: Some("Marlow".into()),
        admin1: Some(admin1.into()),
        iso2: Some(iso2.into()),
        lat: Some(1.0),
        lon: Some(1.0),
        geo_precision: Some(precision),
        ..sitrep_model::Location::default()
    };
    let outlets = [("a-1", "Marlow Star", "US", "Kansas", 2), ("b-1", "Plains Post", "US", "Kansas", 2)];
    let far = [("c-1", "Far Herald", "JP", "Fukui", 1), ("d-1", "Prairie News", "US", "Kansas", 2)];
    for (id, outlet, iso2, admin1, precision) in outlets.into_iter().chain(far) {
        let d = doc(id, outlet, MAY_3, "Two men were shot dead in Marlow on Friday.");
        let r = report(
            &d,
            "Violence against civilians",
            Some(MAY_3),
            vec![place("Marlow", &[])],
            vec![claim(&d, "killed", 2, "all", "police")],
        );
        let reports = vec![LocatedReport { report: r, location: Some(located(iso2, admin1, precision)) }];
        resolver.add(source(&d), d.text, reports);
    }
    let events = resolver.events();
    let event = incidents(&events);
    assert_eq!(event.len(), 1);
    assert_eq!(event[0].location.admin1.as_deref(), Some("Kansas"));
}

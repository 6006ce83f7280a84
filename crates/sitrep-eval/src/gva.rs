//! The GVA protocol of `shared/data/README.md`: documents clustered by their primary event
//! (B-cubed against incident ids), and each gold incident scored on its system event's killed,
//! injured, date and place.
//!
//! Not here: ingesting the documents (the CLI does, without the incident ids).

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

use serde::Deserialize;
use sitrep_model::{EventRecord, distance_km};
use unicode_normalization::UnicodeNormalization;

/// One gold incident.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldIncident {
    pub incident_id: String,
    pub date: String,
    pub state: String,
    pub city_or_county: String,
    pub n_killed: u32,
    pub n_injured: u32,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

#[derive(Debug, thiserror::Error)]
pub enum GvaError {
    #[error("{path}: {problem}")]
    Read { path: String, problem: String },
}

fn read_error(path: &Path, problem: impl ToString) -> GvaError {
    GvaError::Read { path: path.display().to_string(), problem: problem.to_string() }
}

/// Opens a file, decompressing it when its name ends in `.xz`.
pub fn open_maybe_xz(path: &Path) -> Result<Box<dyn Read>, GvaError> {
    let file = std::fs::File::open(path).map_err(|e| read_error(path, e))?;
    Ok(if path.extension().is_some_and(|e| e == "xz") {
        Box::new(xz2::read::XzDecoder::new_multi_decoder(std::io::BufReader::new(file)))
    } else {
        Box::new(std::io::BufReader::new(file))
    })
}

/// The gold incidents of `gva_incidents_gold.csv(.xz)`, by id.
pub fn read_gold(path: &Path) -> Result<HashMap<String, GoldIncident>, GvaError> {
    let mut reader = csv::Reader::from_reader(open_maybe_xz(path)?);
    let mut out = HashMap::new();
    for (i, row) in reader.deserialize::<GoldIncident>().enumerate() {
        let row = row.map_err(|e| read_error(path, format!("row {}: {e}", i + 2)))?;
        out.insert(row.incident_id.clone(), row);
    }
    Ok(out)
}

/// doc_id → incident_id from the documents file (read by the evaluator only, never by sitrep).
pub fn read_document_incidents(path: &Path) -> Result<Vec<(String, String)>, GvaError> {
    #[derive(Deserialize)]
    struct Line {
        doc_id: String,
        incident_id: String,
    }
    let mut text = String::new();
    open_maybe_xz(path)?.read_to_string(&mut text).map_err(|e| read_error(path, e))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str::<Line>(l)
                .map(|x| (x.doc_id, x.incident_id))
                .map_err(|e| read_error(path, format!("line {}: {e}", i + 1)))
        })
        .collect()
}

/// Every figure of the protocol.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GvaScores {
    pub documents: usize,
    pub documents_scored: usize,
    pub incidents: usize,
    pub incidents_covered: usize,
    pub bcubed_precision: f64,
    pub bcubed_recall: f64,
    pub bcubed_f1: f64,
    pub killed_exact: f64,
    pub injured_exact: f64,
    pub both_exact: f64,
    pub killed_mae: f64,
    pub date_exact: f64,
    pub city: f64,
    pub state: f64,
    pub within_25km: f64,
}

/// The primary event of each document: the non-aggregate event citing it with most casualty
/// claims (killed, injured, shot), then the most claims of any kind. An arrest told in a
/// follow-up story is an event of its own; the incident a gun-violence record counts is the
/// one with the casualties.
pub fn primary_events(events: &[EventRecord]) -> HashMap<String, usize> {
    let mut best: HashMap<String, (usize, (usize, usize))> = HashMap::new();
    for (index, event) in events.iter().enumerate().filter(|(_, e)| !e.aggregate) {
        for source in &event.sources {
            let own = || event.claims.iter().filter(|c| c.document_id == source.document_id);
            let casualties = own().filter(|c| matches!(c.kind.as_str(), "killed" | "injured" | "shot")).count();
            let rank = (casualties, own().count());
            let entry = best.entry(source.document_id.clone()).or_insert((index, rank));
            // Ties keep the first event.
            if rank > entry.1 {
                *entry = (index, rank);
            }
        }
    }
    best.into_iter().map(|(doc, (index, _))| (doc, index)).collect()
}

/// Scores events against the gold. `coded_to(lat, lon, city)`: whether the point is where the
/// gazetteer puts a town named `city` — an event in a quarter or at a street of a town is coded
/// to the town (near precision) under the mention's own name ("Lawndale", in Chicago).
pub fn score(
    events: &[EventRecord],
    documents: &[(String, String)],
    gold: &HashMap<String, GoldIncident>,
    coded_to: &dyn Fn(f64, f64, &str) -> bool,
) -> GvaScores {
    let primary = primary_events(events);
    let scored: Vec<&(String, String)> = documents.iter().filter(|(_, incident)| gold.contains_key(incident)).collect();
    let (precision, recall) = bcubed(&scored, &primary);
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };

    let mut by_incident: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (doc, incident) in &scored {
        by_incident.entry(incident.as_str()).or_default().push(doc.as_str());
    }
    let mut s = GvaScores {
        documents: documents.len(),
        documents_scored: scored.len(),
        incidents: by_incident.len(),
        bcubed_precision: precision,
        bcubed_recall: recall,
        bcubed_f1: f1,
        ..GvaScores::default()
    };
    let mut killed_error = 0u64;
    for (incident, docs) in &by_incident {
        let gold = &gold[*incident];
        let Some(event) = plurality(docs, &primary).map(|i| &events[i]) else {
            killed_error += u64::from(gold.n_killed);
            continue;
        };
        s.incidents_covered += 1;
        let killed = event.fatalities.best == gold.n_killed;
        let injured = event.injuries.best == gold.n_injured;
        s.killed_exact += f64::from(u8::from(killed));
        s.injured_exact += f64::from(u8::from(injured));
        s.both_exact += f64::from(u8::from(killed && injured));
        killed_error += u64::from(event.fatalities.best.abs_diff(gold.n_killed));
        s.date_exact +=
            f64::from(u8::from(event.date_start.map(|d| d.to_string()).as_deref() == Some(gold.date.as_str())));
        let city = city_key(&gold.city_or_county);
        // "Washington, D.C." names the city Washington.
        let short = event.location.name.as_deref().and_then(|n| n.split_once(", ")).map(|(first, _)| first.to_owned());
        let near_town = event.location.geo_precision.is_some_and(|p| p <= 2);
        let city_hit = [&event.location.name, &event.location.admin2, &short]
            .iter()
            .any(|n| n.as_deref().map(city_key) == Some(city.clone()))
            || match (event.location.lat, event.location.lon) {
                (Some(lat), Some(lon)) => near_town && coded_to(lat, lon, &gold.city_or_county),
                _ => false,
            };
        s.city += f64::from(u8::from(city_hit));
        s.state += f64::from(u8::from(event.location.admin1.as_deref().map(city_key) == Some(city_key(&gold.state))));
        if let (Some(lat), Some(lon), Some(glat), Some(glon)) =
            (event.location.lat, event.location.lon, gold.latitude, gold.longitude)
        {
            s.within_25km += f64::from(u8::from(distance_km(lat, lon, glat, glon) <= 25.0));
        }
    }
    let n = s.incidents.max(1) as f64;
    for field in [
        &mut s.killed_exact,
        &mut s.injured_exact,
        &mut s.both_exact,
        &mut s.date_exact,
        &mut s.city,
        &mut s.state,
        &mut s.within_25km,
    ] {
        *field /= n;
    }
    s.killed_mae = killed_error as f64 / n;
    s
}

/// A document's killed and injured for the document-level check: its claims reconciled on
/// their own, as resolve reconciles an event's ("five people were shot, two fatally" → 2
/// killed, 3 injured).
pub fn document_figures(claims: &[sitrep_model::Claim]) -> (u32, u32) {
    sitrep_resolve::document_figures(claims)
}

/// Document-level figures: the share of documents (whose incident has gold) whose own killed
/// and injured figures equal the incident's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocumentScores {
    pub documents: usize,
    pub killed_exact: f64,
    pub injured_exact: f64,
    pub both_exact: f64,
}

pub fn score_documents(
    figures: &HashMap<String, (u32, u32)>,
    documents: &[(String, String)],
    gold: &HashMap<String, GoldIncident>,
) -> DocumentScores {
    let mut s = DocumentScores::default();
    for (doc, incident) in documents {
        let Some(g) = gold.get(incident) else { continue };
        let (killed, injured) = figures.get(doc).copied().unwrap_or((0, 0));
        s.documents += 1;
        s.killed_exact += f64::from(u8::from(killed == g.n_killed));
        s.injured_exact += f64::from(u8::from(injured == g.n_injured));
        s.both_exact += f64::from(u8::from(killed == g.n_killed && injured == g.n_injured));
    }
    let n = s.documents.max(1) as f64;
    s.killed_exact /= n;
    s.injured_exact /= n;
    s.both_exact /= n;
    s
}

/// B-cubed precision and recall of the clustering by primary event against incident ids.
/// A document without a primary event is a cluster of its own.
fn bcubed(documents: &[&(String, String)], primary: &HashMap<String, usize>) -> (f64, f64) {
    if documents.is_empty() {
        return (0.0, 0.0);
    }
    let cluster_of = |doc: &str| primary.get(doc).map(|i| format!("e{i}")).unwrap_or_else(|| format!("d{doc}"));
    let mut cluster_size: HashMap<String, usize> = HashMap::new();
    let mut gold_size: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(String, &str), usize> = HashMap::new();
    for (doc, incident) in documents {
        let c = cluster_of(doc);
        *cluster_size.entry(c.clone()).or_default() += 1;
        *gold_size.entry(incident.as_str()).or_default() += 1;
        *both.entry((c, incident.as_str())).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (doc, incident) in documents {
        let c = cluster_of(doc);
        let shared = both[&(c.clone(), incident.as_str())] as f64;
        p += shared / cluster_size[&c] as f64;
        r += shared / gold_size[incident.as_str()] as f64;
    }
    let n = documents.len() as f64;
    (p / n, r / n)
}

/// The primary event of most of these documents (ties: the first met).
fn plurality(docs: &[&str], primary: &HashMap<String, usize>) -> Option<usize> {
    let mut votes: Vec<(usize, usize)> = Vec::new();
    for doc in docs {
        if let Some(&event) = primary.get(*doc) {
            match votes.iter_mut().find(|(e, _)| *e == event) {
                Some((_, n)) => *n += 1,
                None => votes.push((event, 1)),
            }
        }
    }
    let most = votes.iter().map(|(_, n)| *n).max()?;
    votes.into_iter().find(|(_, n)| *n == most).map(|(e, _)| e)
}

/// City and state names compared ignoring case, accents, punctuation, the words city / county /
/// township, and how Saint, Mount and Fort are written ("St. Louis" is GVA's "Saint Louis").
pub fn city_key(name: &str) -> String {
    let folded: String = name.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).collect::<String>().to_lowercase();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "city" | "county" | "township"))
        .map(|w| match w {
            "st" => "saint",
            "mt" => "mount",
            "ft" => "fort",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn event(id: &str, docs: &[&str], killed: u32, city: &str) -> EventRecord {
        serde_json::from_value(json!({
            "event_id": id, "event_type": null, "sub_event_type": null, "disorder_type": null, "aggregate": false,
            "part_of": [], "date_start": "2016-03-01", "date_end": "2016-03-01", "date_precision": 1,
            "location": {"name": city, "admin1": "Ohio", "lat": 39.96, "lon": -83.0},
            "actors": [], "fatalities": {"low": killed, "best": killed, "high": killed, "state_forces":0,"armed_group":0,"civilians":0,"unknown":killed},
            "injuries": {"low":1,"best":1,"high":1}, "claims": [],
            "sources": docs.iter().map(|d| json!({"document_id": d, "outlet": null, "url": null, "published": null})).collect::<Vec<_>>(),
            "n_documents": docs.len(), "n_outlets": 1, "flags": []
        }))
        .unwrap()
    }

    fn gold() -> HashMap<String, GoldIncident> {
        let g = |id: &str, killed| GoldIncident {
            incident_id: id.into(),
            date: "2016-03-01".into(),
            state: "Ohio".into(),
            city_or_county: "Columbus (city)".into(),
            n_killed: killed,
            n_injured: 1,
            latitude: Some(39.97),
            longitude: Some(-83.01),
        };
        HashMap::from([("1".into(), g("1", 2)), ("2".into(), g("2", 0))])
    }

    #[test]
    fn perfect_clustering_and_figures() {
        let docs = vec![("a".to_string(), "1".to_string()), ("b".into(), "1".into()), ("c".into(), "2".into())];
        let events = vec![event("x", &["a", "b"], 2, "Columbus"), event("y", &["c"], 0, "Columbus")];
        let s = score(&events, &docs, &gold(), &|_, _, _| false);
        assert_eq!(
            (s.bcubed_f1, s.killed_exact, s.both_exact, s.city, s.state, s.within_25km),
            (1.0, 1.0, 1.0, 1.0, 1.0, 1.0)
        );
    }

    #[test]
    fn a_quarter_coded_to_the_city_is_the_city() {
        let docs = vec![("c".to_string(), "2".to_string())];
        let mut quarter = event("y", &["c"], 0, "Linden Heights");
        quarter.location.geo_precision = Some(2);
        let columbus = |lat: f64, _: f64, city: &str| lat == 39.96 && city.starts_with("Columbus");
        assert_eq!(score(std::slice::from_ref(&quarter), &docs, &gold(), &columbus).city, 1.0);
        assert_eq!(score(std::slice::from_ref(&quarter), &docs, &gold(), &|_, _, _| false).city, 0.0);
        // Coded to the region around it, not to the town.
        quarter.location.geo_precision = Some(3);
        assert_eq!(score(&[quarter], &docs, &gold(), &columbus).city, 0.0);
    }

    #[test]
    fn no_events_score_zero_and_singletons() {
        let docs = vec![("a".to_string(), "1".to_string()), ("b".into(), "1".into()), ("c".into(), "2".into())];
        let s = score(&[], &docs, &gold(), &|_, _, _| false);
        assert_eq!((s.incidents, s.incidents_covered, s.killed_exact), (2, 0, 0.0));
        assert_eq!(s.bcubed_precision, 1.0);
        assert!((s.bcubed_recall - (0.5 + 0.5 + 1.0) / 3.0).abs() < 1e-9);
        assert!((s.killed_mae - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_document_counts_for_its_event_with_casualties() {
        let claim = |kind: &str, doc: &str| {
            sitrep_model::Claim::exact(kind, 1, "all", "the outlet", doc, sitrep_model::Span::new(0, 1))
        };
        // A follow-up story: the arrest (two claims of arrest) and the shooting it is about.
        let mut arrest = event("x", &["a"], 0, "Columbus");
        arrest.claims = vec![claim("arrested", "a"), claim("arrested", "a")];
        let mut shooting = event("y", &["a", "b"], 1, "Columbus");
        shooting.claims = vec![claim("killed", "a"), claim("killed", "b")];
        let primary = primary_events(&[arrest, shooting]);
        assert_eq!((primary["a"], primary["b"]), (1, 1));
    }

    #[test]
    fn city_names_fold() {
        assert_eq!(city_key("Columbus (city)"), city_key("columbus"));
        assert_eq!(city_key("St. Louis County"), city_key("Saint Louis"));
    }
}

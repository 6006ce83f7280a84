//! The seed check: reads `seeds.expected.json` and checks a run's events and documents against
//! it, exactly as `shared/eval/README.md` defines the file.
//!
//! Not here: running the pipeline (the CLI does, in a fresh database) — this module only judges.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;
use sitrep_model::EventRecord;
use unicode_normalization::UnicodeNormalization;

/// The expected-output file.
#[derive(Debug, Deserialize)]
pub struct Expected {
    #[serde(default)]
    pub documents: BTreeMap<String, ExpectedDocument>,
    #[serde(default)]
    pub must: Vec<Must>,
    #[serde(default)]
    pub must_not: Vec<MustNot>,
}

#[derive(Debug, Deserialize)]
pub struct ExpectedDocument {
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
}

/// An event that has to exist.
#[derive(Debug, Deserialize)]
pub struct Must {
    pub id: String,
    #[serde(default)]
    pub what: String,
    #[serde(rename = "match")]
    pub matcher: Matcher,
    #[serde(default)]
    pub expect: BTreeMap<String, Value>,
}

/// Keys that pick candidate events; all given keys must hold.
#[derive(Debug, Default, Deserialize)]
pub struct Matcher {
    pub iso2: Option<String>,
    pub place: Option<Vec<String>>,
    pub date: Option<[String; 2]>,
    pub aggregate: Option<bool>,
}

/// Something that may not happen.
#[derive(Debug, Deserialize)]
pub struct MustNot {
    pub id: String,
    #[serde(default)]
    pub what: String,
    pub any_event: Option<AnyEvent>,
    pub sum_of_best: Option<SumOfBest>,
    pub duplicates: Option<Duplicates>,
}

#[derive(Debug, Deserialize)]
pub struct AnyEvent {
    pub iso2_not: Option<String>,
    pub date_before: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct SumOfBest {
    #[serde(flatten)]
    pub matcher: Matcher,
    pub max: u64,
}

#[derive(Debug, Deserialize)]
pub struct Duplicates {
    pub aggregate: Option<bool>,
}

/// What a run made of one document, as the check needs it.
#[derive(Debug, Clone, Default)]
pub struct DocumentFacts {
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
}

/// The verdict on one entry of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// `document`, `must` or `must_not`.
    pub section: &'static str,
    pub id: String,
    pub passed: bool,
    pub reason: String,
}

/// Checks everything the file states.
pub fn check(expected: &Expected, events: &[EventRecord], documents: &BTreeMap<String, DocumentFacts>) -> Vec<Verdict> {
    let values: Vec<Value> = events.iter().map(|e| serde_json::to_value(e).unwrap_or(Value::Null)).collect();
    let mut verdicts = Vec::new();
    for (id, want) in &expected.documents {
        verdicts.push(check_document(id, want, documents.get(id)));
    }
    for must in &expected.must {
        verdicts.push(check_must(must, expected, &values));
    }
    for must_not in &expected.must_not {
        verdicts.push(check_must_not(must_not, &values));
    }
    verdicts
}

fn check_document(id: &str, want: &ExpectedDocument, got: Option<&DocumentFacts>) -> Verdict {
    let verdict = |passed, reason: String| Verdict { section: "document", id: id.to_owned(), passed, reason };
    let Some(got) = got else {
        return verdict(false, "document was not ingested".into());
    };
    let mut problems = Vec::new();
    if want.outlet.is_some() && want.outlet != got.outlet {
        problems.push(format!("outlet {:?}, expected {:?}", got.outlet, want.outlet));
    }
    if let Some(date) = &want.published
        && !got.published.as_deref().is_some_and(|p| p.starts_with(date.as_str()))
    {
        problems.push(format!("published {:?}, expected {date}", got.published));
    }
    if want.language.is_some() && want.language != got.language {
        problems.push(format!("language {:?}, expected {:?}", got.language, want.language));
    }
    if problems.is_empty() {
        verdict(true, "outlet, date and language as expected".into())
    } else {
        verdict(false, problems.join("; "))
    }
}

/// Names compared ignoring case, accents, hyphens (and the spaces they stand for) and the
/// article "al-": "Al-Qardaha" = "Qardaha", "Beit-Ana" = "Beit Ana".
pub fn place_key(name: &str) -> String {
    let folded: String = name.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).collect::<String>().to_lowercase();
    folded.split_whitespace().map(|w| w.strip_prefix("al-").unwrap_or(w)).collect::<Vec<_>>().join("").replace('-', "")
}

fn text_at<'v>(event: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(event, |v, key| v.get(key))
}

fn matches(matcher: &Matcher, event: &Value) -> bool {
    let location = |key: &str| text_at(event, &format!("location.{key}")).and_then(Value::as_str);
    if let Some(iso2) = &matcher.iso2
        && location("iso2") != Some(iso2.as_str())
    {
        return false;
    }
    if let Some(places) = &matcher.place {
        let names: Vec<String> =
            ["name", "admin2", "admin1"].iter().filter_map(|k| location(k)).map(place_key).collect();
        if !places.iter().any(|p| names.contains(&place_key(p))) {
            return false;
        }
    }
    if let Some([from, to]) = &matcher.date {
        match event.get("date_start").and_then(Value::as_str) {
            Some(d) if d >= from.as_str() && d <= to.as_str() => {}
            _ => return false,
        }
    }
    if let Some(aggregate) = matcher.aggregate
        && event.get("aggregate").and_then(Value::as_bool) != Some(aggregate)
    {
        return false;
    }
    true
}

/// The failures of `event` against `expect` (empty: it satisfies every key).
fn failures(must: &Must, expected: &Expected, event: &Value, values: &[Value], depth: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (key, want) in &must.expect {
        let ok = match key.as_str() {
            "event_type" | "sub_event_type" => {
                let got = event.get(key).and_then(Value::as_str);
                want.as_array().is_some_and(|options| options.iter().any(|o| o.as_str() == got))
            }
            "n_outlets_min" => event.get("n_outlets").and_then(Value::as_u64) >= want.as_u64(),
            "claimant_any" => {
                let claimants: Vec<String> = event
                    .get("claims")
                    .and_then(Value::as_array)
                    .map(|cs| cs.iter().filter_map(|c| c.get("claimant")?.as_str()).map(str::to_lowercase).collect())
                    .unwrap_or_default();
                want.as_array().is_some_and(|options| {
                    options
                        .iter()
                        .filter_map(Value::as_str)
                        .any(|o| claimants.iter().any(|c| c.contains(&o.to_lowercase())))
                })
            }
            "contains_event" => depth == 0 && contains(want.as_str().unwrap_or(""), event, expected, values),
            dotted => {
                let got = text_at(event, dotted).and_then(Value::as_f64);
                match (got, want) {
                    (Some(g), Value::Array(range)) if range.len() == 2 => {
                        range[0].as_f64().is_some_and(|lo| g >= lo) && range[1].as_f64().is_some_and(|hi| g <= hi)
                    }
                    (Some(g), w) => w.as_f64() == Some(g),
                    (None, _) => false,
                }
            }
        };
        if !ok {
            let got = match key.as_str() {
                "n_outlets_min" => event.get("n_outlets").cloned(),
                "claimant_any" => Some(Value::from(
                    event.get("claims").and_then(Value::as_array).map(|c| c.len()).unwrap_or(0) as u64,
                ))
                .map(|n| Value::String(format!("{n} claims, none matching"))),
                "contains_event" => Some(Value::String("not contained".into())),
                k => text_at(event, k).cloned(),
            };
            out.push(format!("{key}: got {}, expected {want}", got.unwrap_or(Value::Null)));
        }
    }
    out
}

/// True when an event satisfying the `must` entry `other_id` lists this event in `part_of`.
fn contains(other_id: &str, event: &Value, expected: &Expected, values: &[Value]) -> bool {
    let Some(id) = event.get("event_id").and_then(Value::as_str) else {
        return false;
    };
    let Some(other) = expected.must.iter().find(|m| m.id == other_id) else {
        return false;
    };
    values.iter().any(|candidate| {
        matches(&other.matcher, candidate)
            && failures(other, expected, candidate, values, 1).is_empty()
            && candidate
                .get("part_of")
                .and_then(Value::as_array)
                .is_some_and(|parts| parts.iter().any(|p| p.as_str() == Some(id)))
    })
}

fn check_must(must: &Must, expected: &Expected, values: &[Value]) -> Verdict {
    let candidates: Vec<&Value> = values.iter().filter(|e| matches(&must.matcher, e)).collect();
    let verdict = |passed, reason: String| Verdict { section: "must", id: must.id.clone(), passed, reason };
    if candidates.is_empty() {
        return verdict(false, format!("no event matches {} (of {} events)", describe(&must.matcher), values.len()));
    }
    let mut best: Option<(String, Vec<String>)> = None;
    for candidate in &candidates {
        let failed = failures(must, expected, candidate, values, 0);
        let id = candidate.get("event_id").and_then(Value::as_str).unwrap_or("?").to_owned();
        if failed.is_empty() {
            return verdict(true, format!("event {id} ({} candidates)", candidates.len()));
        }
        if best.as_ref().is_none_or(|(_, f)| failed.len() < f.len()) {
            best = Some((id, failed));
        }
    }
    let (id, failed) = best.unwrap_or_default();
    verdict(false, format!("{} candidates; closest, event {id}: {}", candidates.len(), failed.join("; ")))
}

fn describe(m: &Matcher) -> String {
    let mut parts = Vec::new();
    if let Some(iso2) = &m.iso2 {
        parts.push(format!("iso2={iso2}"));
    }
    if let Some(p) = &m.place {
        parts.push(format!("place in {p:?}"));
    }
    if let Some([a, b]) = &m.date {
        parts.push(format!("date {a}..{b}"));
    }
    if let Some(a) = m.aggregate {
        parts.push(format!("aggregate={a}"));
    }
    parts.join(", ")
}

fn check_must_not(rule: &MustNot, values: &[Value]) -> Verdict {
    let verdict = |passed, reason: String| Verdict { section: "must_not", id: rule.id.clone(), passed, reason };
    let event_id = |e: &Value| e.get("event_id").and_then(Value::as_str).unwrap_or("?").to_owned();
    if let Some(any) = &rule.any_event {
        let offending: Vec<String> = values
            .iter()
            .filter(|e| {
                let iso_bad = any
                    .iso2_not
                    .as_ref()
                    .is_some_and(|iso| text_at(e, "location.iso2").and_then(Value::as_str) != Some(iso.as_str()));
                let date_bad = any.date_before.as_ref().is_some_and(|before| {
                    e.get("date_start").and_then(Value::as_str).is_some_and(|d| d < before.as_str())
                });
                iso_bad || date_bad
            })
            .map(event_id)
            .collect();
        return if offending.is_empty() {
            verdict(true, format!("none of {} events", values.len()))
        } else {
            verdict(false, format!("{} events: {}", offending.len(), offending.join(", ")))
        };
    }
    if let Some(sum) = &rule.sum_of_best {
        let total: u64 = values
            .iter()
            .filter(|e| matches(&sum.matcher, e))
            .filter_map(|e| text_at(e, "fatalities.best").and_then(Value::as_u64))
            .sum();
        return verdict(total <= sum.max, format!("sum of fatalities.best = {total} (max {})", sum.max));
    }
    if let Some(dup) = &rule.duplicates {
        let mut seen: BTreeMap<(String, String, String), String> = BTreeMap::new();
        let mut clashes = Vec::new();
        for e in values {
            if dup.aggregate.is_some_and(|a| e.get("aggregate").and_then(Value::as_bool) != Some(a)) {
                continue;
            }
            let field = |path: &str| text_at(e, path).and_then(Value::as_str).unwrap_or("").to_owned();
            let key = (field("date_start"), field("location.name"), field("sub_event_type"));
            if let Some(first) = seen.get(&key) {
                clashes.push(format!("{first} and {} share {key:?}", event_id(e)));
            } else {
                seen.insert(key, event_id(e));
            }
        }
        return if clashes.is_empty() {
            verdict(true, "no duplicates".into())
        } else {
            verdict(false, clashes.join("; "))
        };
    }
    verdict(false, "entry has no rule this checker knows".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn event(v: Value) -> EventRecord {
        let mut base = json!({
            "event_id": "e", "event_type": null, "sub_event_type": null, "disorder_type": null,
            "aggregate": false, "part_of": [], "date_start": "2024-05-02", "date_end": "2024-05-02",
            "date_precision": 1, "location": {}, "actors": [], "fatalities": {"low":0,"best":0,"high":0,"state_forces":0,"armed_group":0,"civilians":0,"unknown":0},
            "injuries": {"low":0,"best":0,"high":0}, "claims": [], "sources": [], "n_documents": 1, "n_outlets": 1, "flags": []
        });
        for (k, val) in v.as_object().unwrap() {
            base[k] = val.clone();
        }
        serde_json::from_value(base).unwrap()
    }

    fn expected() -> Expected {
        serde_json::from_value(json!({
            "must": [
                {"id": "town", "match": {"iso2": "XX", "place": ["Al-Northfield"], "date": ["2024-05-01", "2024-05-02"], "aggregate": false},
                 "expect": {"fatalities.best": 3, "injuries.best": [1, 2], "event_type": ["Battles"], "n_outlets_min": 2,
                            "claimant_any": ["county sheriff"]}},
                {"id": "total", "match": {"iso2": "XX", "aggregate": true}, "expect": {"contains_event": "town"}}
            ],
            "must_not": [
                {"id": "abroad", "any_event": {"iso2_not": "XX"}},
                {"id": "old", "any_event": {"date_before": "2024-01-01"}},
                {"id": "sum", "sum_of_best": {"iso2": "XX", "aggregate": false, "max": 3}},
                {"id": "dups", "duplicates": {"aggregate": false}}
            ]
        }))
        .unwrap()
    }

    fn good_events() -> Vec<EventRecord> {
        vec![
            event(json!({"event_id": "a", "event_type": "Battles", "part_of": ["t"], "n_outlets": 2,
                "location": {"name": "Northfield", "iso2": "XX"},
                "fatalities": {"low":3,"best":3,"high":3,"state_forces":0,"armed_group":0,"civilians":0,"unknown":3},
                "injuries": {"low":2,"best":2,"high":2},
                "claims": [{"kind":"killed","value":3,"qualifier":"exact","category":"all","claimant":"The County Sheriff's Office","aggregate":false,"document_id":"d","span":{"start":0,"end":1},"quote":"x"}]})),
            event(json!({"event_id": "t", "aggregate": true, "location": {"name": "Marlow", "iso2": "XX"}})),
        ]
    }

    #[test]
    fn a_run_that_meets_everything_passes() {
        let verdicts = check(&expected(), &good_events(), &BTreeMap::new());
        for v in &verdicts {
            assert!(v.passed, "{v:?}");
        }
    }

    #[test]
    fn failures_say_why() {
        let mut events = good_events();
        events[0].fatalities.best = 4;
        events[0].part_of.clear();
        events.push(event(
            json!({"event_id": "z", "date_start": "2023-02-01", "location": {"name": "Elsewhere", "iso2": "YY"}}),
        ));
        let verdicts = check(&expected(), &events, &BTreeMap::new());
        let by_id = |id: &str| verdicts.iter().find(|v| v.id == id).unwrap();
        assert!(by_id("town").reason.contains("fatalities.best: got 4, expected 3"), "{:?}", by_id("town"));
        assert!(!by_id("total").passed);
        assert!(!by_id("abroad").passed && !by_id("old").passed && !by_id("sum").passed);
        assert!(by_id("dups").passed);
    }

    #[test]
    fn no_events_fail_every_must() {
        let verdicts = check(&expected(), &[], &BTreeMap::new());
        assert!(verdicts.iter().filter(|v| v.section == "must").all(|v| !v.passed));
        assert!(verdicts.iter().filter(|v| v.section == "must_not").all(|v| v.passed));
    }

    #[test]
    fn place_names_fold() {
        assert_eq!(place_key("Al-Qardáha"), place_key("qardaha"));
        assert_eq!(place_key("Beit-Ana"), place_key("Beit Ana"));
    }
}

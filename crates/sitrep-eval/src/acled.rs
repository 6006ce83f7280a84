//! ACLED Asia 2015 notes (`shared/data/README.md`): each note is one document; its primary
//! event's type is scored against the 2015 type (mapped to today's hierarchy) and its
//! `fatalities.low` against FATALITIES.
//!
//! Not here: reading the notes for meaning (the CLI runs the pipeline on them).

use std::path::Path;

use serde::Deserialize;

use crate::gva::{GvaError, open_maybe_xz};

/// One ACLED event with the coder's note.
#[derive(Debug, Clone, Deserialize)]
pub struct AcledRow {
    #[serde(rename = "EVENT_ID_CNTY")]
    pub id: String,
    #[serde(rename = "EVENT_TYPE")]
    pub event_type: String,
    #[serde(rename = "NOTES")]
    pub notes: String,
    #[serde(rename = "FATALITIES")]
    pub fatalities: u32,
}

pub fn read(path: &Path) -> Result<Vec<AcledRow>, GvaError> {
    let mut reader = csv::Reader::from_reader(open_maybe_xz(path)?);
    reader
        .deserialize::<AcledRow>()
        .enumerate()
        .map(|(i, row)| {
            row.map_err(|e| GvaError::Read { path: path.display().to_string(), problem: format!("row {}: {e}", i + 2) })
        })
        .collect()
}

/// Today's event types that a 2015 type maps to.
pub fn mapped_types(old: &str) -> &'static [&'static str] {
    match old.to_ascii_lowercase().as_str() {
        "riots/protests" => &["Protests", "Riots"],
        t if t.starts_with("battle") => &["Battles"],
        "remote violence" => &["Explosions/Remote violence"],
        "violence against civilians" => &["Violence against civilians"],
        "strategic development" | "non-violent transfer of territory" => &["Strategic developments"],
        _ => &[],
    }
}

/// What the pipeline made of one note.
#[derive(Debug, Clone, Default)]
pub struct Predicted {
    pub event_type: Option<String>,
    pub fatalities: u32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AcledScores {
    pub notes: usize,
    pub type_accuracy: f64,
    pub fatalities_exact: f64,
    /// Accuracy per gold type: (2015 type, notes, correct).
    pub by_type: Vec<(String, usize, usize)>,
}

pub fn score(rows: &[AcledRow], predicted: &dyn Fn(&str) -> Predicted) -> AcledScores {
    let mut s = AcledScores { notes: rows.len(), ..AcledScores::default() };
    for row in rows {
        let p = predicted(&row.id);
        let right = p.event_type.as_deref().is_some_and(|t| mapped_types(&row.event_type).contains(&t));
        s.type_accuracy += f64::from(u8::from(right));
        s.fatalities_exact += f64::from(u8::from(p.fatalities == row.fatalities));
        match s.by_type.iter_mut().find(|(t, _, _)| t.eq_ignore_ascii_case(&row.event_type)) {
            Some((_, n, c)) => {
                *n += 1;
                *c += usize::from(right);
            }
            None => s.by_type.push((row.event_type.clone(), 1, usize::from(right))),
        }
    }
    let n = s.notes.max(1) as f64;
    s.type_accuracy /= n;
    s.fatalities_exact /= n;
    s.by_type.sort_by_key(|(_, n, _)| std::cmp::Reverse(*n));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_map_and_score() {
        assert_eq!(mapped_types("Battle-No change of territory"), &["Battles"]);
        assert_eq!(mapped_types("Violence Against Civilians"), &["Violence against civilians"]);
        let rows = vec![
            AcledRow { id: "a".into(), event_type: "Riots/Protests".into(), notes: String::new(), fatalities: 0 },
            AcledRow { id: "b".into(), event_type: "Remote violence".into(), notes: String::new(), fatalities: 2 },
        ];
        let s = score(&rows, &|id| Predicted {
            event_type: Some(if id == "a" { "Riots".into() } else { "Battles".into() }),
            fatalities: if id == "b" { 2 } else { 0 },
        });
        assert_eq!((s.type_accuracy, s.fatalities_exact), (0.5, 1.0));
    }
}

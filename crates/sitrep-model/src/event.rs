//! Claims, reports and the event record.
//!
//! `EventRecord` is the public shape (DESIGN, "The event record"): field names are fixed so that
//! other tools can rely on them; fields may be added, never renamed.

use serde::{Deserialize, Serialize};

use crate::Span;

/// One figure as a source stated it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `killed`, `injured`, `shot` (hit or hurt, the dead among them: "five were shot, two
    /// fatally"), `captured`, `missing`, `arrested`, `displaced`.
    pub kind: String,
    pub value: u32,
    /// Upper bound of a range ("between 10 and 15"), when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<u32>,
    /// `exact`, `at_least`, `more_than`, `about`, `up_to`, `vague`.
    pub qualifier: String,
    /// The vague word behind a coded figure ("dozens"), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vague_word: Option<String>,
    /// `all`, `state_forces`, `armed_group`, `civilians`, `unknown`.
    pub category: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The original source of the figure, or the outlet itself.
    pub claimant: String,
    /// A running total or a region-wide tally rather than one incident's figure.
    pub aggregate: bool,
    pub document_id: String,
    /// Byte range of the quote: in the document's clean text, or in `embedded[i]`'s text.
    pub span: Span,
    /// Set when the claim is in an embedded post of the document (its index), not the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedded: Option<usize>,
    /// Set when the claim is in the document's title (its span is then in the title).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_title: bool,
    /// Victims named one by one ("John Doe, 23, died at the scene"), when the text names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub victims: Vec<String>,
    /// The total this figure is one item of ("16 soldiers" of "48 deaths"), as the index of
    /// that claim among its report's claims.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<usize>,
    pub quote: String,
}

impl Claim {
    /// An exact figure with nothing else known yet (no tags, victims, links): the start of a
    /// claim that the caller fills in.
    pub fn exact(kind: &str, value: u32, category: &str, claimant: &str, document_id: &str, span: Span) -> Claim {
        Claim {
            kind: kind.into(),
            value,
            high: None,
            qualifier: "exact".into(),
            vague_word: None,
            category: category.into(),
            tags: vec![],
            claimant: claimant.into(),
            aggregate: false,
            document_id: document_id.into(),
            span,
            embedded: None,
            in_title: false,
            victims: vec![],
            part_of: None,
            quote: String::new(),
        }
    }
}

/// The family of an ACLED event type: political violence (0), demonstrations (1), strategic
/// developments (2). Types of one family may describe the same incident; types of two may not.
pub fn event_family(event_type: &str) -> u8 {
    match event_type {
        "Protests" | "Riots" => 1,
        "Strategic developments" => 2,
        _ => 0,
    }
}

/// A named actor and its role in an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    /// `actor1`, `actor2`, `associated`.
    pub role: String,
    /// ACLED inter code.
    pub inter: u8,
}

/// A place as the text names it, before geocoding: in "Arnoun and Kfar Tebnit in the Nabatieh
/// countryside, South province", "Arnoun" has the context ["Nabatieh", "South"].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// The name and any feature word around it ("the Sidon-Tyre road", "Nabatieh province").
    pub span: Span,
    pub name: String,
    /// `settlement`, `admin`, `area`, `neighbourhood`, `road`, `site`: from the words around.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
    /// The word that gave the feature ("province", "village").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_word: Option<String>,
    /// Enclosing places the text names right after it, innermost first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    /// The dateline's place ("HOUSTON (AP) —").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dateline: bool,
}

/// One incident as one document describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub document_id: String,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub date_start: Option<jiff::civil::Date>,
    pub date_end: Option<jiff::civil::Date>,
    /// UCDP date_prec (1 day … 5 year).
    pub date_precision: Option<u8>,
    pub place_mentions: Vec<PlaceMention>,
    /// Every place the document names, each time it names it (its headline's too), carried by
    /// its first report only: geocoding reads them for the document's country, area and home
    /// town ("in Tyler" in a later paragraph), never as a report's own place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub document_places: Vec<PlaceMention>,
    /// The countries the document's words of institutions and law point to ("the sheriff's
    /// office": US), once per distinct phrase, carried by its first report only: geocoding
    /// reads them for the document's country.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub country_cues: Vec<String>,
    /// The countries whose people the document names ("Indian farmers"), once per distinct
    /// word, carried by its first report only: a weaker vote than `country_cues`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demonym_cues: Vec<String>,
    /// Where the outlet is, as its site name in the title may say ("… - WXYZ 7 Marlow,
    /// Kansas"): candidate names, each with the area after it, that geocoding keeps only when
    /// the gazetteer agrees. Carried by the first report only; never a report's own place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outlet_home: Vec<PlaceMention>,
    /// Names of areas whose institutions the text names ("the Kansas State Police"), each
    /// once: candidates that geocoding keeps when they are first-level areas of the document's
    /// country. Carried by the first report only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub area_cues: Vec<String>,
    pub actors: Vec<Actor>,
    pub claims: Vec<Claim>,
    pub aggregate: bool,
    pub spans: Vec<Span>,
}

/// Where an event happened, with ACLED's and UCDP's precision codes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: Option<String>,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub country: Option<String>,
    pub iso2: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<u64>,
    pub geo_precision: Option<u8>,
    pub where_prec: Option<u8>,
}

impl Location {
    /// UCDP's where_prec of a place known only by its country.
    pub const COUNTRY_LEVEL: u8 = 6;

    /// Whether the place is known only by its country.
    pub fn country_only(&self) -> bool {
        self.where_prec == Some(Self::COUNTRY_LEVEL)
    }
}

/// Great-circle distance in kilometres between two points in degrees.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = (p2 - p1, (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

/// Reconciled deaths, by victim category.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Fatalities {
    pub low: u32,
    pub best: u32,
    pub high: u32,
    pub state_forces: u32,
    pub armed_group: u32,
    pub civilians: u32,
    pub unknown: u32,
}

/// Reconciled injuries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Injuries {
    pub low: u32,
    pub best: u32,
    pub high: u32,
}

/// A document that reports an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceCitation {
    pub document_id: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The document's headline, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The document this one nearly copies (syndication): the two count as one outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

/// How one derived figure was obtained: the rule applied and the claims it read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Derivation {
    /// The field, as a dotted path: `fatalities.best`, `fatalities.civilians`, `injuries.low`.
    pub figure: String,
    pub value: u32,
    /// The rule, in words ("latest specific statement", "lowest statement").
    pub rule: String,
    /// Indexes into the event's `claims`.
    pub claims: Vec<usize>,
}

/// The event record: one JSON object per event in the JSON Lines export and the API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub event_id: String,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    pub disorder_type: Option<String>,
    pub aggregate: bool,
    #[serde(default)]
    pub part_of: Vec<String>,
    pub date_start: Option<jiff::civil::Date>,
    pub date_end: Option<jiff::civil::Date>,
    pub date_precision: Option<u8>,
    #[serde(default)]
    pub location: Location,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub fatalities: Fatalities,
    #[serde(default)]
    pub injuries: Injuries,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub sources: Vec<SourceCitation>,
    pub n_documents: u32,
    pub n_outlets: u32,
    #[serde(default)]
    pub flags: Vec<String>,
    /// Which claims and rule gave each figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derivation: Vec<Derivation>,
    /// When the store first held this event (RFC 3339, UTC); set by the store, not by resolve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// When the store last changed this event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// 1 when created, one more at every change, so that a copy can tell stale from current.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub version: u32,
}

impl EventRecord {
    /// The actor in a role (`actor1`, `actor2`), when the event has one.
    pub fn actor(&self, role: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.role == role)
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What is left of an event the store no longer holds: in the change feed, so that a copy
/// kept downstream removes it (and, when it was merged, follows `merged_into`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tombstone {
    pub event_id: String,
    /// Always true: tells a tombstone from an event in a mixed stream.
    pub deleted: bool,
    /// `merged` (its reports now belong to `merged_into`) or `removed` (its documents changed
    /// and no longer report it).
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
    /// When the store removed it (RFC 3339, UTC).
    pub removed: String,
    /// The event's last version plus one.
    pub version: u32,
}

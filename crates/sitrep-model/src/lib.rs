//! The words of sitrep's domain as types: `Document`, `Span`, `Claim`, `Report`, `Event`, and
//! the event record that exports and the API emit.
//!
//! Types only: no I/O, no parsing. Every stage reads and writes these; a later stage never
//! mutates an earlier stage's output.

mod document;
mod event;

pub use document::Document;
pub use document::{DroppedSegment, EmbeddedPost, NearDuplicate, Paragraph, Published, Repair, SourceRef, Span};
pub use event::{
    Actor, Claim, Derivation, EventRecord, Fatalities, Injuries, Location, PlaceMention, Report, SourceCitation,
    Tombstone, distance_km, event_family,
};

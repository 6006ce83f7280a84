//! Evaluation: judges what a run produced against expected output and third-party gold.
//!
//! - `seeds`: the seed check (`shared/eval/seeds.expected.json`);
//! - `gva`: the Gun Violence Archive protocol (clustering, casualties, date, place);
//! - `html`: main-text extraction scored on the article extraction benchmark;
//! - `acled`: event type and fatalities on ACLED's 2015 coder notes.
//!
//! Not here: running the pipeline; callers hand in events and documents.

pub mod acled;
pub mod gva;
pub mod html;
pub mod seeds;

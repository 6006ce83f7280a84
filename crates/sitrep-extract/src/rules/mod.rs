//! Extraction rules, one family per folder, one rule per file.

pub mod attribution;
pub mod casualties;

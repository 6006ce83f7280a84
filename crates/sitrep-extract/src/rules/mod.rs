//! Extraction rules, one family per folder, one rule per file.

pub mod actors;
pub mod attribution;
pub mod broadcaster;
pub mod casualties;
pub mod outlet_home;
pub mod reports;

//! The English language pack.

pub mod sentences;
pub mod tokens;

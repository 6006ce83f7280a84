//! The English language pack.

pub mod numbers;
pub mod sentences;
pub mod tokens;

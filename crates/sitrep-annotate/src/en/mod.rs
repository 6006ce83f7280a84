//! The English language pack.

pub mod dates;
pub mod hits;
pub mod institutions;
pub mod lexicons;
pub mod numbers;
pub mod places;
pub mod sentences;
pub mod tokens;

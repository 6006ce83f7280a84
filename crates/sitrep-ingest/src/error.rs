use std::fmt;

/// One input that could not be read, with where it is and what was wrong with it.
///
/// `input` names the file and, inside it, the line, record or item (`feed.xml: item 3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub input: String,
    pub problem: String,
}

impl InputError {
    pub fn new(input: impl Into<String>, problem: impl Into<String>) -> Self {
        InputError { input: input.into(), problem: problem.into() }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.input, self.problem)
    }
}

impl std::error::Error for InputError {}

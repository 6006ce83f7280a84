//! The HTTP API and dashboard (a later issue). Nothing is served yet.

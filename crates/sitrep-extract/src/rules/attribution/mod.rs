//! Attribution: who claims each figure. The rules look at the claim's sentence; a claim in an
//! embedded post is its author's; an unattributed claim is the outlet's own.

pub mod claimants;
pub mod reporting_clause;

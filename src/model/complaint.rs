//! Complaints: the words people use for common pains and conditions ("tennis elbow",
//! "sciatica"), the places they name, and the muscles the literature names for them, in the
//! order a clinician would examine them. Search reads a query as a complaint first.

use super::ids::{MuscleId, SourceId, ZoneId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    /// The complaint as it is shown: "tennis elbow".
    pub term: String,
    /// Other words for it: "lateral epicondylitis".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<String>,
    /// The places it names; a divided zone means all of its parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub zones: Vec<ZoneId>,
    /// The muscles the cited chapters name for it, usual suspects first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub muscles: Vec<MuscleId>,
    /// The chapters these come from.
    pub sources: Vec<SourceId>,
    /// Where the literature is uncertain, or what else the complaint can be.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Complaint {
    /// The term and every synonym: each is a way of saying it.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.term).chain(&self.synonyms)
    }
}

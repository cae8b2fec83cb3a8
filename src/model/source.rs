//! Where a claim comes from: work, edition, volume, chapter. Never a page number we have not seen.

use super::ids::SourceId;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: SourceId,
    /// Authors as printed, e.g. "Simons DG, Travell JG, Simons LS".
    pub authors: String,
    /// Title of the work.
    pub work: String,
    pub edition: String,
    pub year: u16,
    /// Volume, if the work has several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// Chapter number and title.
    pub chapter: String,
    /// Anything a reviewer should know: uncertainty, disagreement with other sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Source {
    /// One-line citation for display.
    pub fn citation(&self) -> String {
        let mut s = format!("{}. {}, {} ed. ({})", self.authors, self.work, self.edition, self.year);
        if let Some(v) = &self.volume {
            s.push_str(&format!(", vol. {v}"));
        }
        s.push_str(&format!(", ch. {}", self.chapter));
        s
    }
}

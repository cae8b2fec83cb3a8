//! General pages (what a trigger point is, causes, therapy, when to see a doctor), authored in
//! our own words alongside the data so they are reviewed the same way.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Used in links: `?page=<id>`.
    pub id: String,
    pub title: String,
    /// Paragraphs, in order.
    pub body: Vec<String>,
}

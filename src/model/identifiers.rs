//! Standard anatomical identifiers of a muscle, so that others can join their data with ours:
//! the Foundational Model of Anatomy (FMA) and Uberon. (No Terminologia Anatomica code is
//! carried: no source we could read gives them; a field comes with the first one.) Authored
//! in data/identifiers.toml (one table per muscle, each id copied from a named source) and
//! bundled into each muscle.

use serde::{Deserialize, Serialize};

/// The identifiers of one muscle or muscle group. A group that the ontologies name as a whole
/// carries that term; a group they do not name lists its members instead.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identifiers {
    /// `FMA:22532`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fma: Option<String>,
    /// `UBERON:0001385`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uberon: Option<String>,
    /// The members of a group, each with its own identifiers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    /// How the mapping was made where it is not a plain match of names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One member muscle of a group, as the ontology names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// The ontology's label: "scalenus medius".
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fma: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uberon: Option<String>,
}

/// `FMA:` and digits.
pub fn is_fma(id: &str) -> bool {
    id.strip_prefix("FMA:").is_some_and(|d| !d.is_empty() && d.len() <= 7 && all_digits(d))
}

/// `UBERON:` and seven digits.
pub fn is_uberon(id: &str) -> bool {
    id.strip_prefix("UBERON:").is_some_and(|d| d.len() == 7 && all_digits(d))
}

fn all_digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// The part after the prefix, as a reader sees it: `FMA:22532` is shown "FMA 22532".
fn shown(id: &str) -> String {
    id.replacen(':', " ", 1)
}

impl Identifiers {
    /// Every FMA id this entry carries: its own, then its members'.
    pub fn fma_ids(&self) -> impl Iterator<Item = &str> {
        self.fma.as_deref().into_iter().chain(self.members.iter().filter_map(|m| m.fma.as_deref()))
    }

    /// One line for the muscle page: "FMA 22532 · UBERON 0001385"; a group without a term of
    /// its own names its members' ids: "members: scalenus medius FMA 13386, …".
    pub fn summary(&self) -> Option<String> {
        let own = |fma: &Option<String>, uberon: &Option<String>| {
            [fma, uberon].into_iter().flatten().map(|id| shown(id)).collect::<Vec<_>>().join(" · ")
        };
        let mut parts = Vec::new();
        let whole = own(&self.fma, &self.uberon);
        if !whole.is_empty() {
            parts.push(whole);
        }
        let members: Vec<String> = self
            .members
            .iter()
            .map(|m| {
                let ids = own(&m.fma, &m.uberon);
                if ids.is_empty() { m.name.clone() } else { format!("{} {ids}", m.name) }
            })
            .collect();
        if !members.is_empty() {
            parts.push(format!("members: {}", members.join("; ")));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_ids() {
        assert!(is_fma("FMA:22532"));
        assert!(!is_fma("FMA:"));
        assert!(!is_fma("fma:22532"));
        assert!(!is_fma("FMA:22532a"));
        assert!(is_uberon("UBERON:0001385"));
        assert!(!is_uberon("UBERON:1385"));
        assert!(!is_uberon("UBERON_0001385"));
    }

    #[test]
    fn the_summary_shows_the_ids_without_their_colons() {
        let ids = Identifiers {
            fma: Some("FMA:22532".into()),
            uberon: Some("UBERON:0001385".into()),
            ..Default::default()
        };
        assert_eq!(ids.summary().as_deref(), Some("FMA 22532 · UBERON 0001385"));
        let group = Identifiers {
            members: vec![Member { name: "scalenus medius".into(), fma: Some("FMA:13386".into()), uberon: None }],
            ..Default::default()
        };
        assert_eq!(group.summary().as_deref(), Some("members: scalenus medius FMA 13386"));
        assert_eq!(Identifiers::default().summary(), None);
    }
}

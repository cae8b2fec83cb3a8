//! The atlas: everything the app loads, as one value. Parsing and checking are separate steps:
//! `from_json` parses, then validates and returns every problem found, not just the first.

use super::complaint::Complaint;
use super::figure::Figure;
use super::ids::{MuscleId, SourceId, ZoneId};
use super::muscle::Muscle;
use super::page::Page;
use super::parts;
use super::source::Source;
use super::text::TextFile;
use super::validate::{self, Problem};
use super::zone::{Laterality, Zone};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Atlas {
    /// Bumped whenever the file's meaning changes, so an old app can refuse a new file clearly.
    pub format: u32,
    pub sources: Vec<Source>,
    pub zones: Vec<Zone>,
    pub muscles: Vec<Muscle>,
    pub figure: Figure,
    /// General pages shown in the app's menu.
    #[serde(default)]
    pub pages: Vec<Page>,
    /// Everyday complaints and the places and muscles they point to, for search.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complaints: Vec<Complaint>,
    /// Where the muscles' long texts are when they are not in this file (the bundle the app
    /// loads keeps them apart, to be fetched after the body is drawn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextFile>,
}

/// The format this build of the app understands.
pub const FORMAT: u32 = 1;

/// Why an atlas could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not valid JSON, or not the shape we expect.
    Malformed(String),
    /// Parsed, but its records contradict each other.
    Invalid(Vec<Problem>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Malformed(msg) => write!(f, "the data file is malformed: {msg}"),
            LoadError::Invalid(problems) => {
                write!(f, "the data file has {} problem(s):", problems.len())?;
                for p in problems {
                    write!(f, "\n- {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl Atlas {
    /// Parse and validate the bundled JSON the app fetches.
    pub fn from_json(text: &str) -> Result<Atlas, LoadError> {
        let atlas: Atlas =
            serde_json::from_str(text).map_err(|e| LoadError::Malformed(super::diagnose::malformed(text, &e)))?;
        if atlas.format != FORMAT {
            return Err(LoadError::Malformed(format!(
                "format {} is not the format {FORMAT} this version of the app reads",
                atlas.format
            )));
        }
        atlas.checked()
    }

    /// The atlas itself if it validates, or every problem. Patterns that name a divided zone
    /// come back naming its parts, so everything downstream sees only drawn zones.
    pub fn checked(self) -> Result<Atlas, LoadError> {
        let problems = validate::validate(&self);
        if problems.is_empty() {
            Ok(parts::expanded(self))
        } else {
            Err(LoadError::Invalid(problems))
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an atlas always serialises")
    }

    pub fn muscle(&self, id: &MuscleId) -> Option<&Muscle> {
        self.muscles.iter().find(|m| &m.id == id)
    }

    pub fn zone(&self, id: &ZoneId) -> Option<&Zone> {
        self.zones.iter().find(|z| &z.id == id)
    }

    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }

    pub fn is_midline(&self, zone: &ZoneId) -> bool {
        self.zone(zone).is_some_and(|z| z.laterality == Laterality::Midline)
    }

    /// Muscles sorted by name, for lists.
    pub fn muscles_by_name(&self) -> Vec<&Muscle> {
        let mut v: Vec<&Muscle> = self.muscles.iter().collect();
        v.sort_by(|a, b| a.name.cmp(&b.name));
        v
    }
}

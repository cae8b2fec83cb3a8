//! Zones: named areas of the body surface where pain is felt. A bilateral zone is described once
//! and exists on both sides; a midline zone (the sternum, the sacrum) exists once.

use super::ids::ZoneId;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Whether a zone exists once per side or once on the midline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Laterality {
    Bilateral,
    Midline,
}

/// A side of the patient's body (their own left and right).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
    Midline,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
            Side::Midline => "midline",
        }
    }

    pub fn parse(s: &str) -> Option<Side> {
        match s {
            "left" => Some(Side::Left),
            "right" => Some(Side::Right),
            "midline" => Some(Side::Midline),
            _ => None,
        }
    }

    /// The other side; the midline is its own opposite.
    pub fn opposite(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
            Side::Midline => Side::Midline,
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub id: ZoneId,
    /// Plain anatomical words in lower case, without a side: "temple", "back of the knee".
    pub name: String,
    /// Everyday words people use for the same place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub laterality: Laterality,
    /// A zone that the figure divides more finely stands for its parts: it is drawn only
    /// through them, and data or links that name it mean all of them. This keeps every zone id
    /// that was ever used working after a split.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<ZoneId>,
}

impl Zone {
    /// The name a person reads or hears: "Left temple", "Sternum".
    pub fn label(&self, side: Side) -> String {
        match (self.laterality, side) {
            (Laterality::Midline, _) | (_, Side::Midline) => capitalise(&self.name),
            (Laterality::Bilateral, side) => format!("{} {}", capitalise(side.as_str()), self.name),
        }
    }

    /// The sides on which this zone exists.
    pub fn sides(&self) -> &'static [Side] {
        match self.laterality {
            Laterality::Bilateral => &[Side::Left, Side::Right],
            Laterality::Midline => &[Side::Midline],
        }
    }
}

/// The text with its first letter upper case: "left temple" -> "Left temple".
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// On which side, relative to the trigger point, a referral lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferralSide {
    /// The same side as the trigger point: the usual case.
    Same,
    /// The other side.
    Opposite,
    /// Both sides.
    Both,
}

/// A zone a trigger point refers to. Authored as `"head.temple"` (same side), or
/// `"head.forehead@both"` / `"head.forehead@opposite"` where the literature says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneTarget {
    pub zone: ZoneId,
    pub side: ReferralSide,
}

impl ZoneTarget {
    /// The concrete sides this target lands on, for a trigger point on `muscle_side`.
    /// `midline` says whether the zone itself is a midline zone.
    pub fn resolve(&self, muscle_side: Side, midline: bool) -> Vec<Side> {
        if midline {
            return vec![Side::Midline];
        }
        match (self.side, muscle_side) {
            (_, Side::Midline) => vec![Side::Left, Side::Right],
            (ReferralSide::Same, s) => vec![s],
            (ReferralSide::Opposite, s) => vec![s.opposite()],
            (ReferralSide::Both, _) => vec![Side::Left, Side::Right],
        }
    }
}

impl fmt::Display for ZoneTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.side {
            ReferralSide::Same => write!(f, "{}", self.zone),
            ReferralSide::Opposite => write!(f, "{}@opposite", self.zone),
            ReferralSide::Both => write!(f, "{}@both", self.zone),
        }
    }
}

impl std::str::FromStr for ZoneTarget {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (zone, side) = match s.split_once('@') {
            None => (s, ReferralSide::Same),
            Some((z, "opposite")) => (z, ReferralSide::Opposite),
            Some((z, "both")) => (z, ReferralSide::Both),
            Some((_, other)) => {
                return Err(format!("unknown side \"{other}\" (use @opposite or @both)"))
            }
        };
        Ok(ZoneTarget { zone: ZoneId::new(zone), side })
    }
}

impl Serialize for ZoneTarget {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ZoneTarget {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

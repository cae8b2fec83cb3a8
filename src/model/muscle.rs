//! Muscles and their trigger points. A muscle is described once; it exists on both sides.

use super::figure::ViewId;
use super::geometry::Point;
use super::identifiers::Identifiers;
use super::ids::{MuscleId, SourceId};
use super::zone::ZoneTarget;
use serde::{Deserialize, Serialize};

/// The body region a muscle belongs to, for grouping lists and coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    HeadNeck,
    ShoulderArm,
    ForearmHand,
    Torso,
    LowBackHip,
    ThighKnee,
    LegFoot,
}

impl Region {
    pub const ALL: [Region; 7] = [
        Region::HeadNeck,
        Region::ShoulderArm,
        Region::ForearmHand,
        Region::Torso,
        Region::LowBackHip,
        Region::ThighKnee,
        Region::LegFoot,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Region::HeadNeck => "Head and neck",
            Region::ShoulderArm => "Upper back, shoulder and arm",
            Region::ForearmHand => "Forearm and hand",
            Region::Torso => "Chest, abdomen and mid back",
            Region::LowBackHip => "Low back, hip and buttock",
            Region::ThighKnee => "Thigh and knee",
            Region::LegFoot => "Leg and foot",
        }
    }
}

/// How deep a muscle lies: deep muscles are drawn dashed, under the superficial ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Depth {
    Superficial,
    Deep,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Muscle {
    pub id: MuscleId,
    /// Common English name: "Upper trapezius".
    pub name: String,
    pub latin: String,
    /// Abbreviations people search for: "SCM", "QL".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub abbreviations: Vec<String>,
    pub region: Region,
    pub depth: Depth,
    /// What it does, in one line. This and the other long texts (causes, self-care, clinician,
    /// red flags, locations) may be in a separate file: see `text`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// Symptoms besides pain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub symptoms: Vec<String>,
    /// What activates and perpetuates its trigger points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<String>,
    /// What a person can do themselves, with its cautions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub self_care: Vec<String>,
    /// What a clinician may do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clinician: Vec<String>,
    /// Where this pattern can mimic serious disease, and what to do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub red_flags: Vec<String>,
    /// Muscles whose trigger points often occur with this one's (satellite and associated
    /// trigger points in the literature).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub associated: Vec<MuscleId>,
    pub trigger_points: Vec<TriggerPoint>,
    /// Its outline on each view where it can be seen (or, if deep, lies).
    pub shapes: Vec<MuscleShape>,
    /// Standard anatomical identifiers (FMA, Uberon, TA). Kept in data/identifiers.toml, with
    /// where each came from, and filled in by the data loader (`authoring::load_dir`); a muscle
    /// file that writes it is an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<Identifiers>,
}

/// A muscle's outline on one view, authored on the right half of the picture and mirrored;
/// drawn smooth through the points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MuscleShape {
    pub view: ViewId,
    #[serde(with = "super::points")]
    pub points: Vec<Point>,
}

impl Muscle {
    /// The muscle's outline on a view, if it is drawn there.
    pub fn shape_on(&self, view: ViewId) -> Option<&MuscleShape> {
        self.shapes.iter().find(|s| s.view == view)
    }

    pub fn trigger_point(&self, local_id: &str) -> Option<&TriggerPoint> {
        self.trigger_points.iter().find(|t| t.id == local_id)
    }

    /// Whether the name, Latin name or an abbreviation matches, ignoring case.
    pub fn is_called(&self, words: &str) -> bool {
        let w = words.trim().to_lowercase();
        self.name.to_lowercase() == w
            || self.latin.to_lowercase() == w
            || self.abbreviations.iter().any(|a| a.to_lowercase() == w)
    }
}

/// A trigger point and the pain it refers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerPoint {
    /// Unique within its muscle; the full id is `<muscle>/<id>`, e.g. `upper-trapezius/1`.
    pub id: String,
    /// Where to find it, in words a patient can follow.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// Where the author put the X, on the view they chose. It means the point of the body
    /// surface under this spot of this view (the front-most surface along its line of sight).
    pub mark: Mark,
    /// Derived, not authored: the same surface point on the other views where it can be seen
    /// and the muscle is drawn (a lateral hip point on the side view as well as the back). The
    /// figure generator computes them from the body mesh (scripts/mesh/marks.py) into
    /// data/figure/marks.toml, and the data loader (`authoring::load_dir`) fills this field
    /// from there; a muscle file that writes it is an error.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_marked: Vec<Mark>,
    /// Where nearly everyone with this trigger point feels pain.
    pub essential: Vec<ZoneTarget>,
    /// Where some people also feel it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spillover: Vec<ZoneTarget>,
    pub source: SourceId,
    /// Uncertainty or disagreement between sources, said plainly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl TriggerPoint {
    /// Every place the point is marked: its main view first.
    pub fn marks(&self) -> impl Iterator<Item = &Mark> {
        std::iter::once(&self.mark).chain(&self.also_marked)
    }

    pub fn full_id(&self, muscle: &MuscleId) -> String {
        format!("{muscle}/{}", self.id)
    }

    /// How the point is named to a reader: "trigger point 2", or by place where the literature
    /// does not number it ("trigger point, superficial upper").
    pub fn label(&self) -> String {
        if self.id.chars().all(|c| c.is_ascii_digit()) {
            format!("trigger point {}", self.id)
        } else {
            format!("trigger point, {}", self.id.replace('-', " "))
        }
    }
}

/// A point on one view of the figure, in that view's coordinates, on the half of the view
/// that the view authors (see `View::right_half`); the other side is its mirror image.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub view: ViewId,
    pub x: f32,
    pub y: f32,
}

//! The figure: views of the body (front, back, side, head, soles, palms, backs of the hands), each with a smooth
//! silhouette and the zones that tile it. Muscle shapes live with their muscles. Bilateral shapes
//! are authored once, on the right half of the picture, and mirrored; midline shapes are
//! authored whole.

use super::geometry::{self, Point};
use super::ids::ZoneId;
use super::zone::Side;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ViewId {
    Front,
    Back,
    /// The soles of both feet, seen from below with the patient's right on the right.
    Sole,
    /// The head and neck in profile, larger: the right side on the right, the left mirrored.
    Head,
    /// The whole body in profile: the right side on the right, facing right; the left mirrored.
    Side,
    /// The palms and wrists, larger, fingers up: the right hand on the right, the left mirrored.
    Palm,
    /// The backs of the hands and wrists, larger, fingers up: the right hand on the right.
    #[serde(rename = "hand-back")]
    HandBack,
}

impl ViewId {
    pub const ALL: [ViewId; 7] = [
        ViewId::Front,
        ViewId::Back,
        ViewId::Side,
        ViewId::Head,
        ViewId::Sole,
        ViewId::Palm,
        ViewId::HandBack,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ViewId::Front => "front",
            ViewId::Back => "back",
            ViewId::Sole => "sole",
            ViewId::Head => "head",
            ViewId::Side => "side",
            ViewId::Palm => "palm",
            ViewId::HandBack => "hand-back",
        }
    }

    /// The view's name on a phone's view switch, where seven must fit.
    pub fn short_label(self) -> &'static str {
        match self {
            ViewId::Front => "Front",
            ViewId::Back => "Back",
            ViewId::Side => "Side",
            ViewId::Head => "Head",
            ViewId::Sole => "Soles",
            ViewId::Palm => "Palms",
            ViewId::HandBack => "Hand backs",
        }
    }

    pub fn parse(name: &str) -> Option<ViewId> {
        ViewId::ALL.into_iter().find(|v| v.as_str() == name)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub views: Vec<View>,
}

impl Figure {
    pub fn view(&self, id: ViewId) -> Option<&View> {
        self.views.iter().find(|v| v.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct View {
    pub id: ViewId,
    /// "Front", shown as the view's heading.
    pub label: String,
    pub width: f32,
    pub height: f32,
    /// Which side of the patient the right half of the picture shows: their left when we face
    /// them (front view), their right when we stand behind them (back view).
    pub right_half: Side,
    /// The right half of the silhouette, from the top of the head on the midline round to the
    /// crotch on the midline; or, with `separate_halves`, a closed outline of the right-hand
    /// part (one foot), mirrored to make the other.
    #[serde(with = "super::points")]
    pub outline: Vec<Point>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub separate_halves: bool,
    pub zones: Vec<ZoneShape>,
    /// Lines that make the figure read as a body (collarbones, the spine, an ear); drawn
    /// thin, never clicked. Authored on the right half and mirrored unless `midline`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Detail>,
}

/// A decorative line, smooth through its points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Detail {
    #[serde(with = "super::points")]
    pub points: Vec<Point>,
    /// Joins the last point back to the first (an eye, a kneecap).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
    /// Drawn once, as authored, rather than mirrored.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub midline: bool,
}

/// A zone's area on a view. Zones may overhang the silhouette: they are clipped to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneShape {
    pub zone: ZoneId,
    /// Whether the shape is drawn whole across the midline (a midline zone) rather than
    /// mirrored to the other side.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub midline: bool,
    #[serde(with = "super::points")]
    pub points: Vec<Point>,
}

impl View {
    pub fn midline_x(&self) -> f32 {
        self.width / 2.0
    }

    /// The closed outlines of the body on this view: one, or two for separate halves.
    pub fn silhouettes(&self) -> Vec<Vec<Point>> {
        if self.separate_halves {
            let axis = self.midline_x();
            let mirrored = self.outline.iter().rev().map(|p| geometry::mirror(*p, axis)).collect();
            vec![self.outline.clone(), mirrored]
        } else {
            vec![self.joined_silhouette()]
        }
    }

    /// The right half and its mirror image joined on the midline into one outline.
    fn joined_silhouette(&self) -> Vec<Point> {
        let axis = self.midline_x();
        let mut all = self.outline.clone();
        let mirrored = self.outline.iter().rev().map(|p| geometry::mirror(*p, axis));
        // Skip the mirrored copies of the two midline end points.
        let len = self.outline.len();
        all.extend(mirrored.skip(1).take(len.saturating_sub(2)));
        all
    }

    /// Transform an authored (right-half) shape to the given side.
    pub fn place(&self, points: &[Point], side: Side) -> Vec<Point> {
        if side == self.right_half || side == Side::Midline {
            points.to_vec()
        } else {
            let axis = self.midline_x();
            points.iter().map(|p| geometry::mirror(*p, axis)).collect()
        }
    }

    /// The SVG path of every detail line, mirrored where needed.
    pub fn detail_paths(&self) -> Vec<String> {
        let mut out = Vec::new();
        for d in &self.details {
            let sides: &[Side] = if d.midline { &[Side::Midline] } else { &[Side::Left, Side::Right] };
            for &side in sides {
                let pts = self.place(&d.points, side);
                out.push(if d.closed { geometry::smooth_path(&pts) } else { geometry::smooth_open_path(&pts) });
            }
        }
        out
    }

    /// Every zone on this view with its side and placed polygon.
    pub fn zone_instances(&self) -> Vec<(&ZoneId, Side, Vec<Point>)> {
        let mut out = Vec::new();
        for shape in &self.zones {
            if shape.midline {
                out.push((&shape.zone, Side::Midline, shape.points.clone()));
            } else {
                for side in [self.right_half, self.right_half.opposite()] {
                    out.push((&shape.zone, side, self.place(&shape.points, side)));
                }
            }
        }
        out
    }

    /// The zone under a point; failing that, the nearest within `reach`, so a tap just outside
    /// the outline (or on a thin zone's edge) still lands on the body.
    pub fn zone_near(&self, p: Point, reach: f32) -> Option<(ZoneId, Side)> {
        let instances = self.zone_instances();
        if let Some((z, s, _)) = instances.iter().find(|(_, _, poly)| geometry::contains(poly, p)) {
            return Some(((*z).clone(), *s));
        }
        instances
            .iter()
            .map(|(z, s, poly)| (geometry::distance_to_edges(poly, p), z, s))
            .filter(|(d, _, _)| *d <= reach)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, z, s)| ((*z).clone(), *s))
    }

    /// Which zone (and side) contains the point, if any.
    pub fn zone_at(&self, p: Point) -> Vec<(&ZoneId, Side)> {
        self.zone_instances()
            .into_iter()
            .filter(|(_, _, poly)| geometry::contains(poly, p))
            .map(|(z, s, _)| (z, s))
            .collect()
    }
}

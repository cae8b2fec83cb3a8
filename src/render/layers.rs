//! The shapes a highlight lays over one view: the essential area, the spillover area and the
//! patient's drawing, each the union of its zones with rounded corners (`model::outline`), so a
//! pattern reads as one area, as the Trigger Point Manual draws it, not as a grid of tiles.

use crate::highlight::Highlight;
use crate::model::geometry::{PathData, Point};
use crate::model::outline::{flattened, rounded, union, Corner};
use crate::model::{Side, Strength, View, ZoneId};

/// One zone's shape on a view, on one side.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneInstance {
    pub zone: ZoneId,
    pub side: Side,
    pub points: Vec<Point>,
}

/// Every zone shape of a view, in drawing order.
pub fn zone_instances(view: &View) -> Vec<ZoneInstance> {
    view.zone_instances()
        .into_iter()
        .map(|(zone, side, points)| ZoneInstance { zone: zone.clone(), side, points })
        .collect()
}

/// SVG path data (nonzero fill) for each layer; empty when the layer has nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layers {
    pub essential: String,
    pub spillover: String,
    pub drawn: String,
}

/// How far corners are rounded, in view units: enough to soften a zone's box corners and stair
/// steps, little enough that a small zone (the eye, a finger) keeps its place.
const ROUNDING: f32 = 4.0;

impl Layers {
    pub fn of(zones: &[ZoneInstance], highlight: &Highlight) -> Layers {
        let (mut essential, mut spillover, mut drawn) = (Vec::new(), Vec::new(), Vec::new());
        for z in zones {
            let key = (z.zone.clone(), z.side);
            match highlight.zones.get(&key) {
                Some(Strength::Essential) => essential.push(z.points.as_slice()),
                Some(Strength::Spillover) => spillover.push(z.points.as_slice()),
                None => {}
            }
            if highlight.is_drawn(&key) {
                drawn.push(z.points.as_slice());
            }
        }
        Layers { essential: shape(&essential), spillover: shape(&spillover), drawn: shape(&drawn) }
    }

    pub fn is_empty(&self) -> bool {
        self.essential.is_empty() && self.spillover.is_empty() && self.drawn.is_empty()
    }
}

/// How far a corner may sit off the line through its neighbours and still be dropped before
/// rounding, in view units: well under a pixel, and it halves the points of a mesh zone's edge.
const STRAIGHT_ENOUGH: f32 = 0.15;

/// The rounded union of the polygons as path data: per corner a line to the cut and a curve
/// round it.
fn shape(polygons: &[&[Point]]) -> String {
    let mut d = PathData::with_capacity(0);
    for ring in union(polygons) {
        let corners = rounded(&nearly_straight_dropped(&ring), ROUNDING);
        for (i, c) in corners.iter().enumerate() {
            d.letter(if i == 0 { b'M' } else { b'L' });
            d.point(c.from);
            d.letter(b'Q');
            d.point(c.control);
            d.letter(b' ');
            d.point(c.to);
        }
        if !corners.is_empty() {
            d.letter(b'Z');
        }
    }
    d.into_string()
}

/// The ring without the corners that lie (almost) on the line between the corners kept before
/// and after them: each pass of rounding doubles the corners, so fewer make a tap cheaper.
fn nearly_straight_dropped(ring: &[Point]) -> Vec<Point> {
    let mut kept: Vec<Point> = Vec::with_capacity(ring.len());
    for (i, &p) in ring.iter().enumerate() {
        let next = ring[(i + 1) % ring.len()];
        let Some(&prev) = kept.last().or(ring.last()) else { continue };
        let (dx, dy) = (next[0] - prev[0], next[1] - prev[1]);
        let len = (dx * dx + dy * dy).sqrt();
        let off = if len == 0.0 { 0.0 } else { ((p[0] - prev[0]) * dy - (p[1] - prev[1]) * dx).abs() / len };
        if off > STRAIGHT_ENOUGH || i == 0 {
            kept.push(p);
        }
    }
    if kept.len() >= 3 { kept } else { ring.to_vec() }
}

/// The rings of a path written by `shape`, each curve flattened, for tests and hit checks.
pub fn rings(d: &str) -> Vec<Vec<Point>> {
    let pair = |p: &str| -> Option<Point> {
        let (x, y) = p.trim().split_once(',')?;
        Some([x.parse().ok()?, y.parse().ok()?])
    };
    d.split('Z')
        .filter(|r| !r.is_empty())
        .map(|r| {
            let corners: Vec<Corner> = r
                .split(['M', 'L'])
                .filter(|c| !c.is_empty())
                .filter_map(|c| {
                    let (from, curve) = c.split_once('Q')?;
                    let (control, to) = curve.split_once(' ')?;
                    Some(Corner { from: pair(from)?, control: pair(control)?, to: pair(to)? })
                })
                .collect();
            flattened(&corners, 4)
        })
        .collect()
}

//! The figure checked by machine: zones tile each view's silhouette with no gaps or overlaps,
//! bilateral zones exist on both sides, and shapes stay on their half.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use trigger_atlas::authoring::load_dir;
use trigger_atlas::model::geometry::{contains, contains_any, smooth_polygon};
use trigger_atlas::model::{Atlas, Laterality, Side, ViewId, ZoneId};

fn shipped() -> Atlas {
    load_dir(Path::new("data")).expect("data/ parses")
}

#[test]
fn zones_tile_the_silhouette_without_gaps_or_overlaps() {
    let atlas = shipped();
    for view in &atlas.figure.views {
        let body: Vec<_> = view.silhouettes().iter().map(|o| smooth_polygon(o, 8)).collect();
        let zones = view.zone_instances();
        let (mut gaps, mut overlaps, mut inside) = (Vec::new(), Vec::new(), 0);
        // Sample off the integer grid so points do not sit on authored edges.
        let mut y = 0.37;
        while y < view.height {
            let mut x = 0.29;
            while x < view.width {
                let p = [x, y];
                if contains_any(&body, p) {
                    inside += 1;
                    let hits: Vec<_> = zones.iter().filter(|(_, _, poly)| contains(poly, p)).collect();
                    match hits.len() {
                        0 => gaps.push(p),
                        1 => {}
                        _ => overlaps.push((p, hits.iter().map(|(z, s, _)| format!("{z} {s}")).collect::<Vec<_>>())),
                    }
                }
                x += 0.5;
            }
            y += 0.5;
        }
        assert!(inside > 4_000, "{} view: silhouette too small to sample ({inside})", view.label);
        assert!(gaps.is_empty(), "{} view: {} points in no zone, e.g. {:?}", view.label, gaps.len(), &gaps[..gaps.len().min(5)]);
        assert!(overlaps.is_empty(), "{} view: {} points in two zones, e.g. {:?}", view.label, overlaps.len(), &overlaps[..overlaps.len().min(5)]);
    }
}

#[test]
fn hand_details_lie_inside_the_hand() {
    // The palm's creases and the hand-back's knuckles (scripts/mesh/handdetails.py) are drawn
    // across the fingers: every point of them, and the straight pieces between, stays inside
    // the outline as the app draws it, on both hands.
    let atlas = shipped();
    for id in [ViewId::Palm, ViewId::HandBack] {
        let view = atlas.figure.view(id).unwrap();
        let body: Vec<_> = view.silhouettes().iter().map(|o| smooth_polygon(o, 8)).collect();
        assert!(view.details.len() >= 10, "{} view: only {} details", view.label, view.details.len());
        for d in &view.details {
            for side in [Side::Left, Side::Right] {
                let pts = view.place(&d.points, side);
                for w in pts.windows(2) {
                    for k in 0..=8 {
                        let t = k as f32 / 8.0;
                        let p = [w[0][0] + t * (w[1][0] - w[0][0]), w[0][1] + t * (w[1][1] - w[0][1])];
                        assert!(contains_any(&body, p), "{} view: detail {:?} leaves the outline at {p:?}", view.label, d.points);
                    }
                }
            }
        }
    }
}

#[test]
fn bilateral_shapes_stay_on_their_half_and_midline_shapes_are_symmetric() {
    let atlas = shipped();
    for view in &atlas.figure.views {
        let mid = view.midline_x();
        for shape in &view.zones {
            if shape.midline {
                // Symmetric itself, or (where a view shows each side apart, as the profiles do)
                // mirrored by another shape of the same zone.
                let mirrored: Vec<_> = shape.points.iter().map(|p| [2.0 * mid - p[0], p[1]]).collect();
                let same = |a: &[[f32; 2]], b: &[[f32; 2]]| {
                    a.iter().all(|p| b.iter().any(|q| (q[0] - p[0]).abs() < 0.01 && (q[1] - p[1]).abs() < 0.01))
                };
                let twin = view.zones.iter().any(|o| o.zone == shape.zone && o.midline && same(&mirrored, &o.points));
                assert!(twin, "{} view: midline zone {} is not symmetric", view.label, shape.zone);
            } else {
                assert!(
                    shape.points.iter().all(|p| p[0] >= mid),
                    "{} view: zone {} crosses to the left half of the picture", view.label, shape.zone
                );
            }
        }
    }
}

#[test]
fn left_and_right_mirror_each_other() {
    let atlas = shipped();
    for view in &atlas.figure.views {
        let instances = view.zone_instances();
        for (zone, side, poly) in &instances {
            if *side == Side::Midline {
                continue;
            }
            // A zone may be in several pieces (cut by the arm on the side view): one of the
            // other side's pieces is this one's mirror image.
            let mirrors = |twin: &Vec<[f32; 2]>| {
                twin.len() == poly.len()
                    && poly.iter().zip(twin).all(|(a, b)| (a[0] + b[0] - view.width).abs() < 0.01 && (a[1] - b[1]).abs() < 0.01)
            };
            assert!(
                instances.iter().any(|(z, s, twin)| z == zone && *s == side.opposite() && mirrors(twin)),
                "{} view: {side} {zone} has no mirror image on the {} side", view.label, side.opposite()
            );
            // The patient's left lies on our right only on the front view, where we face them;
            // the back, the soles and the profiles show their right side on our right.
            let cx = poly.iter().map(|p| p[0]).sum::<f32>() / poly.len() as f32;
            let on_our_right = cx > view.midline_x();
            let left_on_our_right = view.id == ViewId::Front;
            assert_eq!(
                on_our_right,
                (*side == Side::Left) == left_on_our_right,
                "{} view: the {side} {zone} is drawn on the wrong half", view.label
            );
        }
        // The front view's right half is the patient's left; the back view's is their right.
        let expected = if view.id == ViewId::Front { Side::Left } else { Side::Right };
        assert_eq!(view.right_half, expected, "{} view", view.label);
    }
}

#[test]
fn at_least_150_drawn_zones_per_side_on_every_view_the_patterns_need() {
    let atlas = shipped();
    // Divided zones count through their parts: only the parts are drawn.
    let per_side =
        atlas.zones.iter().filter(|z| z.laterality == Laterality::Bilateral && z.parts.is_empty()).count();
    assert!(per_side >= 150, "only {per_side} drawn zones per side");
    for id in ViewId::ALL {
        assert!(atlas.figure.view(id).is_some(), "the figure has no {} view", id.as_str());
    }
    // The side view is where the outer-side patterns are read: the strip down the outside of
    // the thigh (gluteus minimus, vastus lateralis), the outer ankle (peronei), the point of
    // the shoulder and the outer elbow.
    let side = atlas.figure.view(ViewId::Side).unwrap();
    for zone in [
        "head.temple", "head.ear", "face.jaw", "neck.side", "shoulder.outer", "arm.outer", "elbow.outer",
        "forearm.back", "hand.back", "chest.side", "flank", "hip.outer", "buttock.upper", "thigh.outer",
        "knee.outer", "leg.outer", "ankle.outer", "foot.outer", "foot.heel",
    ] {
        for part in atlas.leaves(&ZoneId::new(zone)) {
            assert!(side.zones.iter().any(|s| s.zone == part), "the side view has no {part}");
        }
    }
}

#[test]
fn zones_on_every_view_follow_anatomy_not_boxes() {
    // Every view comes from the body mesh: zone borders are curves, not the long horizontal
    // and vertical runs that boxes leave. (The midline, where left meets right, is straight by
    // nature.)
    let atlas = shipped();
    for id in ViewId::ALL {
        let view = atlas.figure.view(id).unwrap();
        let body: Vec<_> = view.silhouettes().iter().map(|o| smooth_polygon(o, 8)).collect();
        let instances = view.zone_instances();
        let edges = |poly: &Vec<[f32; 2]>| (0..poly.len()).map(|i| (poly[i], poly[(i + 1) % poly.len()])).collect::<Vec<_>>();
        for (zone, side, poly) in &instances {
            // Where a zone had to be cut in two (around a hole), its pieces share a straight
            // cut that no one sees: it is not a border.
            let cut = |a: [f32; 2], b: [f32; 2]| {
                instances.iter().any(|(z, s, other)| z == zone && s == side && edges(other).iter().any(|&(p, q)| p == b && q == a))
            };
            for (a, b) in edges(poly) {
                let (dx, dy) = ((b[0] - a[0]).abs(), (b[1] - a[1]).abs());
                let on_midline = (a[0] - view.midline_x()).abs() < 0.01 && (b[0] - view.midline_x()).abs() < 0.01;
                let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
                if on_midline || !contains_any(&body, mid) || cut(a, b) {
                    continue;
                }
                let straight = (dx < 0.01 && dy > 8.0) || (dy < 0.01 && dx > 8.0);
                assert!(!straight, "{} view: {side} {zone} has a box edge from {a:?} to {b:?}", view.label);
            }
        }
    }
}

/// A phone shows one view at a time: a muscle opens on a view with its trigger points and
/// part of its pattern, and choosing the other side of it keeps the view.
#[test]
fn a_muscle_opens_on_a_view_showing_its_trigger_points_and_pattern() {
    use trigger_atlas::highlight::Highlight;
    use trigger_atlas::url_state::Selection;
    let atlas = shipped().checked().expect("valid");
    for m in &atlas.muscles {
        let h = Highlight::of(&atlas, &Selection::Muscle { id: m.id.clone(), side: Side::Right });
        let best = h.best_view(&atlas.figure, ViewId::Front);
        let view = atlas.figure.view(best).unwrap();
        if !h.marks.is_empty() {
            assert!(h.marks.iter().any(|mk| mk.view == best), "{}: opens on {best:?}, with none of its marks", m.id);
        }
        assert!(h.area_on(view) > 0.0 || h.zones.is_empty(), "{}: opens on {best:?}, showing none of its pattern", m.id);
        let left = Highlight::of(&atlas, &Selection::Muscle { id: m.id.clone(), side: Side::Left });
        assert_eq!(left.best_view(&atlas.figure, best), best, "{}: the other side jumps to another view", m.id);
    }
    let opens_on = |id: &str| {
        let h = Highlight::of(&atlas, &Selection::Muscle { id: trigger_atlas::model::MuscleId::new(id), side: Side::Right });
        h.best_view(&atlas.figure, ViewId::Front)
    };
    // The head's own muscles open on the head; the back's on the back; a front muscle stays.
    assert_eq!(opens_on("temporalis"), ViewId::Head);
    assert_eq!(opens_on("infraspinatus"), ViewId::Back);
    assert_eq!(opens_on("pectoralis-major"), ViewId::Front);
}

/// The arrow keys move to the nearest area in the arrow's direction: never backwards, and
/// Down from the top of the head reaches the feet, Right from one hand crosses to the other.
#[test]
fn arrow_keys_move_to_the_nearest_zone_in_their_direction() {
    use trigger_atlas::model::geometry::{centroid, nearest_in_direction};
    let atlas = shipped().checked().expect("valid");
    let dirs = [[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0], [0.0, -1.0]];
    for view in &atlas.figure.views {
        let centres: Vec<_> = view.zone_instances().iter().map(|(_, _, p)| centroid(p)).collect();
        for from in 0..centres.len() {
            for dir in dirs {
                if let Some(to) = nearest_in_direction(&centres, from, dir) {
                    let (dx, dy) = (centres[to][0] - centres[from][0], centres[to][1] - centres[from][1]);
                    assert!(dx * dir[0] + dy * dir[1] > 0.0, "{} view: {dir:?} from {from} went backwards", view.label);
                }
            }
        }
    }
    let front = atlas.figure.view(ViewId::Front).unwrap();
    let centres: Vec<_> = front.zone_instances().iter().map(|(_, _, p)| centroid(p)).collect();
    let walk = |start: usize, dir: [f32; 2]| {
        let mut at = start;
        while let Some(next) = nearest_in_direction(&centres, at, dir) {
            at = next;
        }
        at
    };
    let top = (0..centres.len()).min_by(|&a, &b| centres[a][1].total_cmp(&centres[b][1])).unwrap();
    assert!(centres[walk(top, [0.0, 1.0])][1] > front.height * 0.9, "Down from the head stops short of the feet");
    let left = (0..centres.len()).min_by(|&a, &b| centres[a][0].total_cmp(&centres[b][0])).unwrap();
    assert!(centres[walk(left, [1.0, 0.0])][0] > front.width * 0.8, "Right from one hand stops short of the other side");
}

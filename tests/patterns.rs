//! Referral patterns and pain drawings as the figure draws them: one smooth shape per layer that
//! covers exactly the zones it is made of, with no border running through it.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use trigger_atlas::authoring::load_dir;
use trigger_atlas::highlight::Highlight;
use trigger_atlas::model::geometry::{contains, distance_to_edges, Point};
use trigger_atlas::model::outline::union;
use trigger_atlas::model::{Atlas, MuscleId, Side, Strength, ViewId, ZoneId};
use trigger_atlas::render::layers::{rings, zone_instances, Layers, ZoneInstance};
use trigger_atlas::url_state::Selection;

fn shipped() -> Atlas {
    load_dir(Path::new("data")).expect("data/ parses")
}

fn inside(rings: &[Vec<Point>], p: Point) -> bool {
    rings.iter().filter(|r| contains(r, p)).count() % 2 == 1
}

/// The zones of one view that a muscle's pattern reaches with the given strength.
fn members<'a>(zones: &'a [ZoneInstance], h: &Highlight, strength: Strength) -> Vec<&'a ZoneInstance> {
    zones.iter().filter(|z| h.zones.get(&(z.zone.clone(), z.side)) == Some(&strength)).collect()
}

/// A point well inside a zone (the grid point farthest from its edges) and how far in it is.
fn deep_point(poly: &[Point]) -> (Point, f32) {
    let (mut lo, mut hi) = ([f32::MAX; 2], [f32::MIN; 2]);
    for p in poly {
        lo = [lo[0].min(p[0]), lo[1].min(p[1])];
        hi = [hi[0].max(p[0]), hi[1].max(p[1])];
    }
    let mut best = (lo, -1.0);
    let mut y = lo[1] + 0.13;
    while y < hi[1] {
        let mut x = lo[0] + 0.11;
        while x < hi[0] {
            if contains(poly, [x, y]) {
                let d = distance_to_edges(poly, [x, y]);
                if d > best.1 {
                    best = ([x, y], d);
                }
            }
            x += 0.5;
        }
        y += 0.5;
    }
    best
}

fn muscle_highlight(atlas: &Atlas, id: &MuscleId, side: Side) -> Highlight {
    Highlight::of(atlas, &Selection::Muscle { id: id.clone(), side })
}

#[test]
fn every_pattern_outline_runs_only_along_its_edge() {
    // Each edge of the merged outline has the pattern on exactly one side: no internal borders
    // between the zones it is made of, and no gaps.
    let atlas = shipped();
    for view in &atlas.figure.views {
        let zones = zone_instances(view);
        for m in &atlas.muscles {
            let h = muscle_highlight(&atlas, &m.id, Side::Midline);
            for strength in [Strength::Essential, Strength::Spillover] {
                let parts = members(&zones, &h, strength);
                let polys: Vec<&[Point]> = parts.iter().map(|z| z.points.as_slice()).collect();
                let covered = |p: Point| polys.iter().any(|poly| contains(poly, p));
                for ring in union(&polys) {
                    for i in 0..ring.len() {
                        let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
                        let len = ((b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2)).sqrt();
                        if len < 0.5 {
                            continue;
                        }
                        let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
                        let n = [-(b[1] - a[1]) / len * 0.05, (b[0] - a[0]) / len * 0.05];
                        let (l, r) = (covered([mid[0] + n[0], mid[1] + n[1]]), covered([mid[0] - n[0], mid[1] - n[1]]));
                        assert!(l != r, "{} view, {} {}: an outline edge at {mid:?} runs through the pattern", view.label, m.id, strength.as_str());
                    }
                }
            }
        }
    }
}

#[test]
fn each_drawn_pattern_covers_exactly_its_zones() {
    // Away from the rounded corners, a point lies in the drawn shape if and only if it lies in
    // one of the zones the shape stands for.
    let atlas = shipped();
    for view in &atlas.figure.views {
        let zones = zone_instances(view);
        let deep: Vec<(Point, f32)> = zones.iter().map(|z| deep_point(&z.points)).collect();
        for m in &atlas.muscles {
            for side in [Side::Left, Side::Right] {
                let h = muscle_highlight(&atlas, &m.id, side);
                let layers = Layers::of(&zones, &h);
                for (strength, d) in [(Strength::Essential, &layers.essential), (Strength::Spillover, &layers.spillover)] {
                    let shape = rings(d);
                    for (z, &(p, depth)) in zones.iter().zip(&deep) {
                        // Zones too thin to hold a point clear of the rounding are skipped.
                        if depth < 4.5 {
                            continue;
                        }
                        let member = h.zones.get(&(z.zone.clone(), z.side)) == Some(&strength);
                        assert_eq!(
                            inside(&shape, p), member,
                            "{} view, {side} {}: the {} shape {} {} {}", view.label, m.id, strength.as_str(),
                            if member { "leaves out" } else { "takes in" }, z.side, z.zone
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_pain_drawing_is_one_shape_over_the_zones_drawn() {
    let atlas = shipped();
    let front = atlas.figure.view(ViewId::Front).unwrap();
    let zones = zone_instances(front);
    let drawn = vec![(ZoneId::new("head.temple"), Side::Left), (ZoneId::new("head.forehead"), Side::Left)];
    let h = Highlight { drawn: drawn.clone(), ..Highlight::default() };
    let layers = Layers::of(&zones, &h);
    assert!(layers.essential.is_empty() && layers.spillover.is_empty());
    let shape = rings(&layers.drawn);
    assert_eq!(shape.len(), 1, "temple and forehead touch, so they are drawn as one shape");
    for z in zones.iter().filter(|z| drawn.contains(&(z.zone.clone(), z.side))) {
        let (p, _) = deep_point(&z.points);
        assert!(inside(&shape, p), "the drawing leaves out {}", z.zone);
    }
    assert!(Layers::of(&zones, &Highlight::default()).is_empty());
}

/// Presenting, next and previous step to a related muscle: every muscle once, each next to one
/// of its own region, and the heads of the quadriceps or the rotator cuff not scattered.
#[test]
fn presentation_steps_through_related_muscles() {
    let atlas = shipped().checked().expect("valid");
    let order = atlas.presentation_order();
    assert_eq!(order.len(), atlas.muscles.len());
    let mut ids: Vec<_> = order.iter().map(|m| m.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), atlas.muscles.len(), "a muscle appears twice");
    let changes = order.windows(2).filter(|w| w[0].region != w[1].region).count();
    let regions: std::collections::BTreeSet<_> = atlas.muscles.iter().map(|m| m.region).collect();
    assert_eq!(changes, regions.len() - 1, "regions are visited one at a time");
    // Within a region, a step goes to a muscle sharing a place more often than not.
    let sharing = order
        .windows(2)
        .filter(|w| w[0].region == w[1].region)
        .filter(|w| {
            let a = atlas.pattern(w[0], Side::Right);
            atlas.pattern(w[1], Side::Right).keys().any(|k| a.contains_key(k))
        })
        .count();
    let steps = order.len() - regions.len();
    assert!(sharing * 10 >= steps * 7, "only {sharing} of {steps} steps share a place");
}

/// A muscle's page opens with where its pain goes in one line: every muscle has an essential
/// place, a place is listed once, and divided zones read whole.
#[test]
fn every_muscle_says_where_its_pain_goes_in_a_line() {
    let atlas = shipped().checked().expect("valid");
    for m in &atlas.muscles {
        let (essential, spillover) = atlas.places_of(m);
        assert!(!essential.is_empty(), "{}: no essential place", m.id);
        assert!(spillover.iter().all(|s| !essential.contains(s)), "{}: a place listed twice", m.id);
        for name in essential.iter().chain(&spillover) {
            let zone = atlas.zones.iter().find(|z| &z.name == name).expect("a zone's name");
            let parent = atlas.zones.iter().find(|p| p.parts.contains(&zone.id));
            if let Some(p) = parent {
                assert!(!essential.contains(&p.name) && !spillover.contains(&p.name), "{}: {} and its part {}", m.id, p.name, name);
            }
        }
    }
    let trapezius = atlas.muscle(&MuscleId::new("upper-trapezius")).unwrap();
    let (essential, _) = atlas.places_of(trapezius);
    assert!(essential.iter().any(|p| p.to_lowercase().contains("temple")), "{essential:?}");
}

/// Zooming in goes to what is chosen: a muscle's trigger points on a view, or the drawing.
#[test]
fn zoom_goes_to_the_trigger_points_or_the_drawing() {
    let atlas = shipped().checked().expect("valid");
    let back = atlas.figure.view(ViewId::Back).unwrap();
    let h = Highlight::of(&atlas, &Selection::Muscle { id: MuscleId::new("upper-trapezius"), side: Side::Right });
    let p = h.focus_on(back, back.width).expect("upper trapezius has marks on the back view");
    assert!(p[1] < back.height * 0.3, "trapezius' marks are high on the back: {p:?}");
    let on_back: Vec<_> = h.marks.iter().filter(|m| m.view == ViewId::Back).collect();
    assert!(on_back.iter().all(|m| (m.point[0] - p[0]).abs() < back.width / 2.0));
    let heel = Highlight::of(&atlas, &Selection::Zone { id: ZoneId::new("foot.heel"), side: Side::Left });
    let p = heel.focus_on(back, back.width).expect("the heel is on the back view");
    assert!(p[1] > back.height * 0.85, "the heel is at the bottom: {p:?}");
    assert!(Highlight::default().focus_on(back, back.width).is_none());
    // Both calves are farther apart than a magnified view is wide: it goes to one calf's
    // trigger points, not to the space between the legs.
    let soleus = Highlight::of(&atlas, &Selection::Muscle { id: MuscleId::new("soleus"), side: Side::Midline });
    let span = back.width / 3.2;
    let p = soleus.focus_on(back, span).expect("soleus has marks on the back view");
    let calf: Vec<_> = soleus.marks.iter().filter(|m| m.view == ViewId::Back && (m.point[0] - p[0]).abs() < span / 2.0).collect();
    assert!(!calf.is_empty() && calf.iter().all(|m| m.side == calf[0].side), "one calf's marks in sight: {p:?}");
    let whole = soleus.focus_on(back, 4.0 * back.width).unwrap();
    assert!((whole[0] - back.width / 2.0).abs() < back.width * 0.1, "with room for both, their middle: {whole:?}");
}

//! What the figure shows for a selection: which zones are essential or spillover, which muscle
//! shapes are selected, and where the trigger point marks go. Plain Rust, so components only
//! render it.

use crate::model::geometry::Point;
use crate::model::lookup::Pattern;
use crate::model::figure::{Figure, View};
use crate::model::{Atlas, MuscleId, Side, Strength, ViewId, ZoneId};
use crate::model::zone::capitalise;
use crate::url_state::Selection;

/// A trigger point's X on one side of one view.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkInstance {
    /// `upper-trapezius/1`
    pub id: String,
    pub side: Side,
    pub view: ViewId,
    pub point: Point,
    /// "Left upper trapezius, trigger point 1"
    pub label: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlight {
    /// Zones the selected muscle refers to, each at its strongest.
    pub zones: Pattern,
    /// The zones the user drew (one, if they chose a single zone).
    pub drawn: Vec<(ZoneId, Side)>,
    /// The selected muscle and the sides it is shown on.
    pub muscle: Option<(MuscleId, Vec<Side>)>,
    pub marks: Vec<MarkInstance>,
}

impl Highlight {
    pub fn of(atlas: &Atlas, selection: &Selection) -> Highlight {
        match selection {
            Selection::Nothing | Selection::Page { .. } | Selection::Compare { .. } => Highlight::default(),
            Selection::Candidate { id, side, drawing } => Highlight {
                drawn: drawing.iter().filter(|(z, _)| atlas.zone(z).is_some()).cloned().collect(),
                ..Highlight::of(atlas, &Selection::Muscle { id: id.clone(), side: *side })
            },
            Selection::Zone { .. } | Selection::Drawing { .. } => Highlight {
                drawn: selection.drawn().into_iter().filter(|(z, _)| atlas.zone(z).is_some()).collect(),
                ..Highlight::default()
            },
            Selection::Muscle { id, side } => {
                let Some(muscle) = atlas.muscle(id) else {
                    return Highlight::default();
                };
                let sides = match side {
                    Side::Midline => vec![Side::Left, Side::Right],
                    s => vec![*s],
                };
                let mut marks = Vec::new();
                for tp in &muscle.trigger_points {
                    for mark in tp.marks() {
                        let Some(view) = atlas.figure.view(mark.view) else { continue };
                        for &s in &sides {
                            marks.push(MarkInstance {
                                id: tp.full_id(&muscle.id),
                                side: s,
                                view: view.id,
                                point: view.place(&[[mark.x, mark.y]], s)[0],
                                label: format!(
                                    "{} {}, {}",
                                    capitalise(s.as_str()),
                                    muscle.name.to_lowercase(),
                                    tp.label()
                                ),
                            });
                        }
                    }
                }
                Highlight {
                    zones: atlas.pattern(muscle, *side),
                    drawn: Vec::new(),
                    muscle: Some((muscle.id.clone(), sides)),
                    marks,
                }
            }
        }
    }

    /// A drawing with a candidate's pattern laid over it, as when a candidate is hovered.
    pub fn with_preview(atlas: &Atlas, selection: &Selection, preview: &(MuscleId, Side)) -> Highlight {
        let mut h = Highlight::of(atlas, &Selection::Muscle { id: preview.0.clone(), side: preview.1 });
        h.drawn = Highlight::of(atlas, selection).drawn;
        h
    }

    /// How much of this a view shows: the area of its pattern's zones there (spillover counts
    /// half) and of the drawing's, in the view's own units.
    pub fn area_on(&self, view: &View) -> f32 {
        self.weighted_shapes(view).map(|(w, points)| w * crate::model::geometry::area(points)).sum()
    }

    /// The shapes of a view this highlights, with their weight: essential and drawn 1, spillover
    /// one half. Runs on every tap for every view, so it compares ids without building keys.
    fn weighted_shapes<'a>(&'a self, view: &'a View) -> impl Iterator<Item = (f32, &'a [Point])> + 'a {
        let mut shown: Vec<(&ZoneId, Side, f32)> = self
            .zones
            .iter()
            .map(|((z, s), st)| (z, *s, if *st == Strength::Essential { 1.0 } else { 0.5 }))
            .collect();
        shown.extend(self.drawn.iter().filter(|k| !self.zones.contains_key(k)).map(|(z, s)| (z, *s, 1.0)));
        view.zones.iter().flat_map(move |shape| {
            let sides: &[Side] = if shape.midline { &[Side::Midline] } else { &[Side::Left, Side::Right] };
            let weight: f32 = sides
                .iter()
                .filter_map(|side| shown.iter().find(|(z, s, _)| *z == &shape.zone && s == side).map(|e| e.2))
                .sum();
            (weight > 0.0).then_some((weight, shape.points.as_slice()))
        })
    }

    /// Where on a view to zoom in, when `span` view units across will be in sight: the middle
    /// of its trigger point marks there, or else of the drawn zones, or else of the essential
    /// zones. When those lie on both sides, farther apart than half the span (both calves, the
    /// two profiles of the side view), the middle of one side's, the one on the left of the
    /// picture: the middle of both would be the empty space between the legs or the figures.
    /// `None` if the view shows none of these.
    pub fn focus_on(&self, view: &View, span: f32) -> Option<Point> {
        let instances = view.zone_instances();
        let centres = |keep: &dyn Fn(&(ZoneId, Side)) -> bool| -> Vec<(Side, Point)> {
            instances
                .iter()
                .filter(|(z, s, _)| keep(&((*z).clone(), *s)))
                .map(|(_, s, p)| (*s, crate::model::geometry::centroid(p)))
                .collect()
        };
        let marks: Vec<(Side, Point)> =
            self.marks.iter().filter(|m| m.view == view.id).map(|m| (m.side, m.point)).collect();
        let chosen = [marks, centres(&|k| self.drawn.contains(k))]
            .into_iter()
            .find(|p| !p.is_empty())
            .unwrap_or_else(|| centres(&|k| self.zones.get(k) == Some(&Strength::Essential)));
        let xs = || chosen.iter().map(|(_, p)| p[0]);
        let across = xs().fold(f32::NEG_INFINITY, f32::max) - xs().fold(f32::INFINITY, f32::min);
        let points: Vec<Point> = if across > span / 2.0 {
            let leftmost = chosen.iter().min_by(|a, b| a.1[0].total_cmp(&b.1[0])).map(|(s, _)| *s);
            chosen.iter().filter(|(s, _)| Some(*s) == leftmost).map(|(_, p)| *p).collect()
        } else {
            chosen.iter().map(|(_, p)| *p).collect()
        };
        (!points.is_empty()).then(|| crate::model::geometry::centroid(&points))
    }

    /// Whether a view shows any of this at all.
    pub fn is_shown_on(&self, view: &View) -> bool {
        self.marks.iter().any(|m| m.view == view.id) || self.weighted_shapes(view).next().is_some()
    }

    /// The view a phone, which shows one at a time, should show: a muscle's trigger points
    /// with as much of its pattern as possible, so a view with marks beats one without. The
    /// current view stays if it shows most of what the best one does, so switching sides or
    /// stepping through muscles does not make the figure jump.
    pub fn best_view(&self, figure: &Figure, current: ViewId) -> ViewId {
        let score = |v: &View| (self.marks.iter().any(|m| m.view == v.id), self.area_on(v));
        let Some(best) = figure.views.iter().max_by(|a, b| {
            let (a, b) = (score(a), score(b));
            a.0.cmp(&b.0).then(a.1.total_cmp(&b.1))
        }) else {
            return current;
        };
        let (best_marked, best_area) = score(best);
        match figure.view(current).map(score) {
            Some((marked, area)) if marked == best_marked && area >= 0.6 * best_area && area > 0.0 => current,
            _ if best_area == 0.0 && !best_marked => current,
            _ => best.id,
        }
    }

    pub fn is_drawn(&self, zone: &(ZoneId, Side)) -> bool {
        self.drawn.contains(zone)
    }

    pub fn is_muscle_selected(&self, id: &MuscleId, side: Side) -> bool {
        self.muscle.as_ref().is_some_and(|(m, sides)| m == id && sides.contains(&side))
    }
}

//! What the figure shows for a selection: which zones are essential or spillover, which muscle
//! shapes are selected, and where the trigger point marks go. Plain Rust, so components only
//! render it.

use crate::model::geometry::Point;
use crate::model::lookup::Pattern;
use crate::model::{Atlas, MuscleId, Side, ViewId, ZoneId};
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

    pub fn is_drawn(&self, zone: &(ZoneId, Side)) -> bool {
        self.drawn.contains(zone)
    }

    pub fn is_muscle_selected(&self, id: &MuscleId, side: Side) -> bool {
        self.muscle.as_ref().is_some_and(|(m, sides)| m == id && sides.contains(&side))
    }
}


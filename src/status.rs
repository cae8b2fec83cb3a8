//! The one line a screen reader hears when the selection changes: what is now shown, not the
//! whole panel.

use crate::model::{Atlas, Side};
use crate::url_state::Selection;

pub fn summary(selection: &Selection, atlas: &Atlas) -> String {
    if let Some(message) = selection.not_found(atlas) {
        return message;
    }
    match selection {
        Selection::Nothing => "The body map is empty.".into(),
        Selection::Muscle { id, side } => {
            let Some(m) = atlas.muscle(id) else { return String::new() };
            let points = m.trigger_points.len();
            let plural = if points == 1 { "" } else { "s" };
            match side {
                Side::Midline => format!("{}: {points} trigger point{plural}, shown on both sides.", m.name),
                s => format!("{}, {s} side: {points} trigger point{plural}.", m.name),
            }
        }
        Selection::Zone { id, side } => match atlas.zone(id) {
            Some(z) => format!("{} chosen.", z.label(*side)),
            None => String::new(),
        },
        Selection::Drawing { zones } => {
            let plural = if zones.len() == 1 { "" } else { "s" };
            format!("Your pain drawing: {} area{plural}.", zones.len())
        }
        Selection::Page { id } => match atlas.page(id) {
            Some(p) => p.title.clone(),
            None => "Pain guide".into(),
        },
        Selection::Candidate { id, side, drawing } => {
            let muscle = summary(&Selection::Muscle { id: id.clone(), side: *side }, atlas);
            format!("{muscle} Shown over your drawing of {} areas.", drawing.len())
        }
        Selection::Compare { muscles } => format!("Comparing {} muscles.", muscles.len()),
    }
}

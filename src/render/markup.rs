//! The static SVG markup of a view's shapes: every zone and muscle shape with its data
//! attributes, role and accessible name, in their resting state. Built once per view and parsed
//! by the browser, so the app creates no per-shape views or signals; a change of selection then
//! switches the attributes of the shapes whose state changed (`data-i` is a shape's index).

use super::layers::ZoneInstance;
use crate::model::geometry::{polygon_path, smooth_path};
use crate::model::{Atlas, Depth, MuscleId, Side, View, Zone, ZoneId};
use rustc_hash::FxHashMap;

/// Escape text for XML, in an attribute or between tags (the saved figure uses it too).
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_xml(&mut out, s);
    out
}

/// Append `s` escaped for XML: runs without a special character are copied whole.
fn push_xml(out: &mut String, s: &str) {
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let escaped = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(escaped);
        from = i + 1;
    }
    out.push_str(&s[from..]);
}

/// The zone shapes, in the order of `zones`. Written piece by piece rather than formatted: this
/// is most of the markup of the first picture, built before it is drawn.
pub fn zones(atlas: &Atlas, zones: &[ZoneInstance]) -> String {
    let by_id: FxHashMap<&ZoneId, &Zone> = atlas.zones.iter().map(|z| (&z.id, z)).collect();
    let mut out = String::with_capacity(zones.len() * 1200);
    for (i, z) in zones.iter().enumerate() {
        let label = by_id.get(&z.zone).map(|zone| zone.label(z.side)).unwrap_or_default();
        out.push_str("<path d=\"");
        out.push_str(&polygon_path(&z.points));
        out.push_str("\" class=\"zone\" data-i=\"");
        out.push_str(&i.to_string());
        out.push_str("\" data-zone=\"");
        push_xml(&mut out, z.zone.as_str());
        out.push_str("\" data-side=\"");
        out.push_str(z.side.as_str());
        out.push_str(
            "\" data-state=\"none\" data-drawn=\"false\" role=\"button\" tabindex=\"-1\" aria-label=\"",
        );
        push_xml(&mut out, &label);
        out.push_str("\" aria-pressed=\"false\"></path>");
    }
    out
}

/// A muscle shape on one side of a view.
#[derive(Debug, Clone, PartialEq)]
pub struct MuscleInstance {
    pub muscle: MuscleId,
    pub side: Side,
    pub deep: bool,
}

/// The muscles drawn on a view, deep ones first so the superficial lie over them, each on both
/// sides, in the order `muscle_shapes` writes them.
pub fn muscles(atlas: &Atlas, view: &View) -> Vec<MuscleInstance> {
    let mut drawn: Vec<_> = atlas.muscles.iter().filter_map(|m| m.shape_on(view.id).map(|s| (m, s))).collect();
    // Later shapes lie on top and take the tap: deep muscles below superficial ones, and at each
    // depth the largest first, so a tap inside a small muscle's outline chooses it rather than a
    // large one around or over it.
    drawn.sort_by(|a, b| {
        let deep = |m: &crate::model::Muscle| m.depth == Depth::Deep;
        deep(b.0).cmp(&deep(a.0)).then(area(&b.1.points).total_cmp(&area(&a.1.points)))
    });
    drawn
        .into_iter()
        .flat_map(|(m, _)| {
            [view.right_half, view.right_half.opposite()].map(|side| MuscleInstance {
                muscle: m.id.clone(),
                side,
                deep: m.depth == Depth::Deep,
            })
        })
        .collect()
}

/// The muscle shapes of `muscles` (from `muscles` on the same atlas and view, so every one has
/// a shape there), in that order: the nth child is the nth instance.
pub fn muscle_shapes(atlas: &Atlas, view: &View, muscles: &[MuscleInstance]) -> String {
    let mut out = String::new();
    for (i, inst) in muscles.iter().enumerate() {
        let Some(m) = atlas.muscle(&inst.muscle) else { continue };
        let Some(shape) = m.shape_on(view.id) else { continue };
        let side = inst.side;
        let label = format!("{} {}", if side == Side::Left { "Left" } else { "Right" }, m.name.to_lowercase());
        out.push_str(&format!(
            "<path d=\"{}\" class=\"{}\" data-i=\"{i}\" data-muscle=\"{}\" data-side=\"{}\" data-depth=\"{}\" data-state=\"none\" \
             role=\"button\" tabindex=\"-1\" aria-label=\"{}\" aria-pressed=\"false\"></path>",
            smooth_path(&view.place(&shape.points, side)),
            if inst.deep { "muscle muscle--deep" } else { "muscle" },
            xml(m.id.as_str()),
            side.as_str(),
            if inst.deep { "deep" } else { "superficial" },
            xml(&label),
        ));
    }
    out
}

/// The lines that make the figure read as a body.
pub fn details(view: &View) -> String {
    view.detail_paths().into_iter().map(|d| format!("<path d=\"{d}\"></path>")).collect()
}

/// A zone shape's state under a highlight: its strength in the shown pattern ("essential",
/// "spillover"), "selected" if only drawn, else "none"; and whether the patient drew it.
pub fn zone_state(highlight: &crate::highlight::Highlight, zone: &ZoneInstance) -> (&'static str, bool) {
    let key = (zone.zone.clone(), zone.side);
    let drawn = highlight.is_drawn(&key);
    let state = match highlight.zones.get(&key) {
        Some(s) => s.as_str(),
        None if drawn => "selected",
        None => "none",
    };
    (state, drawn)
}

fn area(points: &[crate::model::geometry::Point]) -> f32 {
    crate::model::geometry::area(points)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ViewId;
    use crate::render::layers::zone_instances;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(xml(r#"a<b & "c" > é"#), "a&lt;b &amp; &quot;c&quot; &gt; é");
        assert_eq!(xml("plain"), "plain");
    }

    #[test]
    fn every_zone_shape_carries_its_key_and_name() {
        let json = std::fs::read_to_string("public/atlas.json").expect("run from the repo root");
        let atlas = Atlas::from_json(&json).unwrap();
        let view = atlas.figure.view(ViewId::Front).unwrap();
        let zones = zone_instances(view);
        let markup = super::zones(&atlas, &zones);
        assert_eq!(markup.matches("<path d=\"M").count(), zones.len());
        for (i, z) in zones.iter().enumerate() {
            let key = format!("data-i=\"{i}\" data-zone=\"{}\" data-side=\"{}\"", z.zone, z.side.as_str());
            assert!(markup.contains(&key), "{key}");
            let name = format!("aria-label=\"{}\"", xml(&atlas.zone(&z.zone).unwrap().label(z.side)));
            assert!(markup.contains(&name), "{name}");
        }
    }
}

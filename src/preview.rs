//! A static SVG of one view with every zone outlined and labelled, for reviewing the figure
//! without a browser build: `cargo run --bin atlas -- preview front > front.svg`.

use crate::model::geometry::{polygon_path, smooth_path};
use crate::model::{Atlas, ViewId};

pub fn view_svg(atlas: &Atlas, id: ViewId) -> Option<String> {
    let view = atlas.figure.view(id)?;
    let body: String = view.silhouettes().iter().map(|o| smooth_path(o)).collect();
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\">\
         <defs><clipPath id=\"body\"><path d=\"{}\"/></clipPath></defs>\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\
         <path d=\"{}\" fill=\"#f1dccb\" stroke=\"#8a6a55\" stroke-width=\"0.8\"/><g clip-path=\"url(#body)\">",
        view.width,
        view.height,
        view.width * 3.0,
        view.height * 3.0,
        body,
        body,
    );
    for (i, (zone, side, poly)) in view.zone_instances().into_iter().enumerate() {
        let hue = (i * 47) % 360;
        s.push_str(&format!(
            "<path d=\"{}\" fill=\"hsl({hue},60%,70%)\" fill-opacity=\"0.5\" stroke=\"#333\" stroke-width=\"0.2\"><title>{} {}</title></path>",
            polygon_path(&poly),
            zone,
            side
        ));
    }
    s.push_str("</g>");
    // Names on the authored half only, so the picture stays readable.
    for (zone, side, poly) in view.zone_instances() {
        if side == view.right_half || side == crate::model::Side::Midline {
            let n = poly.len() as f32;
            let (cx, cy) = poly.iter().fold((0.0, 0.0), |(x, y), p| (x + p[0] / n, y + p[1] / n));
            s.push_str(&format!(
                "<text x=\"{cx:.1}\" y=\"{cy:.1}\" font-size=\"1.8\" text-anchor=\"middle\" fill=\"#222\">{zone}</text>"
            ));
        }
    }
    for d in view.detail_paths() {
        s.push_str(&format!("<path d=\"{d}\" fill=\"none\" stroke=\"#7d5f4b\" stroke-width=\"0.4\"/>"));
    }
    for shape in atlas.muscles.iter().filter_map(|m| m.shape_on(id)) {
        for side in [view.right_half, view.right_half.opposite()] {
            s.push_str(&format!(
                "<path d=\"{}\" fill=\"#c0392b\" fill-opacity=\"0.35\" stroke=\"#7b241c\" stroke-width=\"0.4\"/>",
                smooth_path(&view.place(&shape.points, side))
            ));
        }
    }
    for m in &atlas.muscles {
        for mark in m.trigger_points.iter().flat_map(|t| t.marks()).filter(|k| k.view == id) {
            s.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"4\" text-anchor=\"middle\" dominant-baseline=\"middle\">X</text>",
                mark.x, mark.y
            ));
        }
    }
    s.push_str("</svg>");
    Some(s)
}

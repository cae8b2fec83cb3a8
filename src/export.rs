//! The figure as a standalone SVG document, for saving or sharing outside the app: the views
//! side by side with the current highlight, a title, the key and the sources. Plain Rust (the
//! app turns it into a download, and into a PNG through a canvas).

use crate::highlight::Highlight;
use crate::model::geometry::{coordinate, mark_path, smooth_path};
use crate::render::layers::{zone_instances, Layers};
use crate::render::markup::xml;
use crate::model::{Atlas, Depth, Side, ViewId};

const GAP: f32 = 20.0;
const HEADER: f32 = 40.0;
const FOOTER: f32 = 56.0;

/// An SVG document of the front and back views (and the side, head, soles and hands when they add
/// something) showing `highlight`, headed by `title`.
pub fn figure_svg(atlas: &Atlas, highlight: &Highlight, title: &str) -> String {
    document(atlas, &[(title.to_string(), highlight.clone())], title)
}

/// A comparison as one document: each muscle's views side by side under its name.
pub fn comparison_svg(atlas: &Atlas, muscles: &[(String, Highlight)]) -> String {
    let names: Vec<&str> = muscles.iter().map(|(n, _)| n.as_str()).collect();
    document(atlas, muscles, &format!("Compared: {}", names.join(", ")))
}

/// Panels (one per highlight, each headed by its name when there are several) left to right,
/// under one title, over one key.
fn document(atlas: &Atlas, panels: &[(String, Highlight)], title: &str) -> String {
    let drawn: Vec<(String, f32, f32)> = panels
        .iter()
        .enumerate()
        .map(|(i, (name, h))| panel(atlas, h, if panels.len() > 1 { name } else { "" }, i))
        .collect();
    let width = drawn.iter().map(|d| d.1).sum::<f32>() + 2.0 * GAP * (drawn.len().max(1) as f32 - 1.0);
    let width = width.max(240.0);
    let height = drawn.iter().map(|d| d.2).fold(0.0, f32::max) + HEADER + FOOTER;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w2}\" height=\"{h2}\" font-family=\"sans-serif\">\
         <defs>\
         <pattern id=\"s\" width=\"3\" height=\"3\" patternUnits=\"userSpaceOnUse\"><rect width=\"3\" height=\"3\" fill=\"#fed7aa\"/><circle cx=\"1.5\" cy=\"1.5\" r=\"0.55\" fill=\"#c2410c\"/></pattern>\
         </defs><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\
         <text x=\"{cx}\" y=\"24\" font-size=\"14\" text-anchor=\"middle\" font-weight=\"bold\">{title}</text>",
        w = coordinate(width),
        h = coordinate(height),
        w2 = coordinate(width * 2.0),
        h2 = coordinate(height * 2.0),
        cx = coordinate(width / 2.0),
        title = xml(title),
    );
    let mut x = 0.0;
    for (body, w, _) in &drawn {
        s.push_str(&format!("<g transform=\"translate({} {})\">{body}</g>", coordinate(x), coordinate(HEADER)));
        x += w + 2.0 * GAP;
    }
    s.push_str(&footer(height));
    s
}

/// One highlight's views side by side, with its name above them if given; its width and height.
/// `n` keeps its clip paths apart from other panels'.
fn panel(atlas: &Atlas, highlight: &Highlight, name: &str, n: usize) -> (String, f32, f32) {
    // Front and back always; the side when a trigger point shows there (its zones are on the
    // front and back too); the head profile, the soles, the palms and the backs of the hands
    // when something is shown on them.
    let shows_something = |id: ViewId| {
        atlas.figure.view(id).is_some_and(|v| {
            v.zone_instances().iter().any(|(z, s, _)| {
                highlight.zones.contains_key(&((*z).clone(), *s)) || highlight.is_drawn(&((*z).clone(), *s))
            }) || highlight.marks.iter().any(|m| m.view == id)
        })
    };
    let mut views: Vec<ViewId> = vec![ViewId::Front, ViewId::Back];
    if highlight.marks.iter().any(|m| m.view == ViewId::Side) {
        views.push(ViewId::Side);
    }
    views.extend(
        [ViewId::Head, ViewId::Sole, ViewId::Palm, ViewId::HandBack]
            .into_iter()
            .filter(|v| shows_something(*v)),
    );
    let views: Vec<_> = views.into_iter().filter_map(|v| atlas.figure.view(v)).collect();
    let width: f32 = views.iter().map(|v| v.width).sum::<f32>() + GAP * (views.len() as f32 - 1.0);
    let top = if name.is_empty() { 0.0 } else { 14.0 };
    let height = views.iter().map(|v| v.height).fold(0.0, f32::max) + top;
    let mut s = String::new();
    if !name.is_empty() {
        s.push_str(&format!(
            "<text x=\"{}\" y=\"0\" font-size=\"11\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>",
            coordinate(width / 2.0),
            xml(name)
        ));
    }
    let mut x = 0.0;
    for (i, v) in views.iter().enumerate() {
        let body: String = v.silhouettes().iter().map(|o| smooth_path(o)).collect();
        let right_on = if v.right_half == Side::Right { "right" } else { "left" };
        s.push_str(&format!(
            "<g transform=\"translate({} {})\"><text x=\"{}\" y=\"-4\" font-size=\"7\" text-anchor=\"middle\" fill=\"#444\">{}: patient's right on the {right_on}</text>\
             <clipPath id=\"c{n}-{i}\"><path d=\"{body}\"/></clipPath>\
             <path d=\"{body}\" fill=\"#efd9c6\"/><g clip-path=\"url(#c{n}-{i})\">",
            coordinate(x),
            coordinate(top + 8.0),
            coordinate(v.width / 2.0),
            xml(&v.label),
        ));
        // The same smooth shapes as the app draws: one area per layer, no internal borders.
        let layers = Layers::of(&zone_instances(v), highlight);
        for (d, style) in [
            (&layers.spillover, "fill=\"url(#s)\" stroke=\"#c2410c\" stroke-width=\"0.4\" stroke-dasharray=\"1.2 0.8\""),
            (&layers.essential, "fill=\"#c2410c\" stroke=\"#7c2d12\" stroke-width=\"0.6\""),
            (&layers.drawn, "fill=\"#0b5cad\" fill-opacity=\"0.45\" stroke=\"#0b5cad\" stroke-width=\"0.9\""),
        ] {
            if !d.is_empty() {
                s.push_str(&format!("<path d=\"{d}\" {style}/>"));
            }
        }
        s.push_str(&format!("</g><path d=\"{body}\" fill=\"none\" stroke=\"#7d5f4b\" stroke-width=\"0.7\"/>"));
        for d in v.detail_paths() {
            s.push_str(&format!("<path d=\"{d}\" fill=\"none\" stroke=\"#7d5f4b\" stroke-opacity=\"0.6\" stroke-width=\"0.4\"/>"));
        }
        for m in &atlas.muscles {
            let Some(shape) = m.shape_on(v.id) else { continue };
            for side in [Side::Left, Side::Right] {
                if highlight.is_muscle_selected(&m.id, side) {
                    let dash = if m.depth == Depth::Deep { " stroke-dasharray=\"1.5 1\"" } else { "" };
                    s.push_str(&format!(
                        "<path d=\"{}\" fill=\"#7828a0\" fill-opacity=\"0.35\" stroke=\"#5b21b6\" stroke-width=\"0.9\"{dash}/>",
                        smooth_path(&v.place(&shape.points, side))
                    ));
                }
            }
        }
        for mark in highlight.marks.iter().filter(|m| m.view == v.id) {
            let d = mark_path(mark.point);
            s.push_str(&format!(
                "<path d=\"{d}\" stroke=\"#fff\" stroke-width=\"2.4\" stroke-linecap=\"round\"/>\
                 <path d=\"{d}\" stroke=\"#111\" stroke-width=\"1.1\" stroke-linecap=\"round\"/>"
            ));
        }
        s.push_str("</g>");
        x += v.width + GAP;
    }
    (s, width, height + 8.0)
}

/// The key, the caution and the credit, below the figures.
fn footer(height: f32) -> String {
    let y = height - FOOTER + 14.0;
    format!(
        "<g font-size=\"7\" fill=\"#222\"><rect x=\"4\" y=\"{y0}\" width=\"10\" height=\"7\" fill=\"#c2410c\" stroke=\"#7c2d12\" stroke-width=\"0.4\"/><text x=\"18\" y=\"{y1}\">Essential zone</text>\
         <rect x=\"80\" y=\"{y0}\" width=\"10\" height=\"7\" fill=\"url(#s)\" stroke=\"#c2410c\" stroke-width=\"0.4\"/><text x=\"94\" y=\"{y1}\">Spillover zone</text>\
         <text x=\"160\" y=\"{y1}\" font-weight=\"bold\">\u{2715}</text><text x=\"170\" y=\"{y1}\">Trigger point</text>\
         <text x=\"4\" y=\"{y2}\" fill=\"#444\">Trigger Atlas. A reference, not a diagnosis: chest, left arm or jaw pain can come from the heart.</text>\
         <text x=\"4\" y=\"{y3}\" fill=\"#444\">Patterns after Travell &amp; Simons, Myofascial Pain and Dysfunction: The Trigger Point Manual.</text></g></svg>",
        y0 = coordinate(y - 6.0),
        y1 = coordinate(y),
        y2 = coordinate(y + 14.0),
        y3 = coordinate(y + 26.0),
    )
}

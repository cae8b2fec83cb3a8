//! The linter: checks an atlas that parsed and collects every problem, each naming the record,
//! the field, what is wrong and, where obvious, the fix.

use super::atlas::Atlas;
use super::figure::View;
use super::geometry;
use super::identifiers::{is_fma, is_uberon};
use super::muscle::{Mark, Muscle, TriggerPoint};
use super::suggest::did_you_mean;
use super::zone::{Laterality, Zone, ZoneTarget};
// Fx: the keys are our own ids, and SipHash was a sixth of validating the shipped atlas.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The record: `trigger point upper-trapezius/1`, `zone head.temple`, `front view`.
    pub record: String,
    pub field: String,
    pub message: String,
    /// A likely fix, such as the id that was probably meant.
    pub suggestion: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}: {}", self.record, self.field, self.message)?;
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean \"{s}\"?")?;
        }
        Ok(())
    }
}

struct Report(Vec<Problem>);

/// The zones by id, and each part by the zone it is a part of: looked up for every target of
/// every trigger point and every shape, so built once rather than scanned each time.
struct Known<'a> {
    zones: HashMap<&'a super::ZoneId, &'a Zone>,
    whole: HashMap<&'a super::ZoneId, &'a Zone>,
}

impl<'a> Known<'a> {
    fn of(atlas: &'a Atlas) -> Known<'a> {
        let zones = atlas.zones.iter().map(|z| (&z.id, z)).collect();
        // The first whole a part is listed in, as a scan in order would find it.
        let mut whole = HashMap::default();
        for z in &atlas.zones {
            for p in &z.parts {
                whole.entry(p).or_insert(z);
            }
        }
        Known { zones, whole }
    }
}

impl Report {
    fn add(&mut self, record: impl Into<String>, field: &str, message: impl Into<String>) {
        self.add_with(record, field, message, None);
    }
    fn add_with(
        &mut self,
        record: impl Into<String>,
        field: &str,
        message: impl Into<String>,
        suggestion: Option<&str>,
    ) {
        self.0.push(Problem {
            record: record.into(),
            field: field.to_string(),
            message: message.into(),
            suggestion: suggestion.map(str::to_string),
        });
    }
    fn text(&mut self, record: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(record, field, "is empty");
        }
    }
    fn texts(&mut self, record: &str, field: &str, values: &[String], required: bool) {
        if required && values.is_empty() {
            self.add(record, field, "has no entries");
        }
        for (i, v) in values.iter().enumerate() {
            if v.trim().is_empty() {
                self.add(record, field, format!("entry {} is empty", i + 1));
            }
        }
    }
}

/// Every problem in the atlas; empty when it is sound.
pub fn validate(atlas: &Atlas) -> Vec<Problem> {
    let mut r = Report(Vec::new());
    let known = Known::of(atlas);
    check_sources(atlas, &mut r);
    check_zones(atlas, &mut r);
    let mut abbreviations = HashMap::default();
    let mut seen = HashSet::default();
    for m in &atlas.muscles {
        let record = format!("muscle {}", m.id);
        if !seen.insert(&m.id) {
            r.add(&record, "id", "is used by another muscle");
        }
        for a in &m.abbreviations {
            if let Some(other) = abbreviations.insert(a.to_lowercase(), &m.id) {
                r.add(&record, "abbreviations", format!("\"{a}\" is also used by {other}"));
            }
        }
        check_muscle(atlas, &known, m, &record, &mut r);
    }
    check_figure(atlas, &known, &mut r);
    check_pages(atlas, &mut r);
    check_complaints(atlas, &mut r);
    check_identifiers(atlas, &mut r);
    r.0
}

/// Identifiers are well formed, and no two muscles share an FMA id unless one is a group that
/// lists the other's term among its members (scalenes and scalenus minimus).
fn check_identifiers(atlas: &Atlas, r: &mut Report) {
    let mut owners: HashMap<&str, Vec<&Muscle>> = HashMap::default();
    for m in &atlas.muscles {
        let Some(ids) = &m.ids else { continue };
        let record = format!("muscle {}", m.id);
        let check = |r: &mut Report, field: &str, id: &Option<String>, ok: fn(&str) -> bool, form: &str| {
            if let Some(id) = id.as_deref().filter(|id| !ok(id)) {
                r.add(&record, field, format!("\"{id}\" is not of the form {form}"));
            }
        };
        check(r, "ids.fma", &ids.fma, is_fma, "FMA:<digits>");
        check(r, "ids.uberon", &ids.uberon, is_uberon, "UBERON:<7 digits>");
        for mb in &ids.members {
            check(r, "ids.members.fma", &mb.fma, is_fma, "FMA:<digits>");
            check(r, "ids.members.uberon", &mb.uberon, is_uberon, "UBERON:<7 digits>");
            if mb.name.trim().is_empty() {
                r.add(&record, "ids.members.name", "is empty");
            }
        }
        if ids.fma.is_none() && ids.uberon.is_none() && ids.members.is_empty() {
            r.add(&record, "ids", "has no identifier; leave the muscle out of the file instead");
        }
        for fma in ids.fma_ids() {
            let list = owners.entry(fma).or_default();
            if !list.iter().any(|o| o.id == m.id) {
                list.push(m);
            }
        }
    }
    let mut shared: Vec<(&str, &Vec<&Muscle>)> = owners.iter().map(|(k, v)| (*k, v)).filter(|(_, v)| v.len() > 1).collect();
    shared.sort_by_key(|(fma, _)| *fma);
    for (fma, muscles) in shared {
        // Allowed only for two muscles, one carrying the id as its own and the other, a group,
        // as one of its members: a muscle of ours that is also part of a group of ours.
        let own: Vec<&&Muscle> = muscles.iter().filter(|m| m.ids.as_ref().is_some_and(|i| i.fma.as_deref() == Some(fma))).collect();
        if !(muscles.len() == 2 && own.len() == 1) {
            let names: Vec<&str> = muscles.iter().map(|m| m.id.as_str()).collect();
            r.add(
                format!("muscle {}", names[0]),
                "ids.fma",
                format!("{fma} is shared by {}; only a group may repeat a member's id", names.join(", ")),
            );
        }
    }
}

/// Complaints name known zones, muscles and sources, each once, and no two complaints share a
/// word for themselves (search could not tell them apart).
fn check_complaints(atlas: &Atlas, r: &mut Report) {
    let mut names: HashMap<String, &str> = HashMap::default();
    for c in &atlas.complaints {
        let record = format!("complaint \"{}\"", c.term);
        r.text(&record, "term", &c.term);
        r.texts(&record, "synonyms", &c.synonyms, false);
        r.texts(&record, "sources", &c.sources.iter().map(|s| s.to_string()).collect::<Vec<_>>(), true);
        if let Some(n) = &c.note {
            r.text(&record, "note", n);
        }
        for n in c.names() {
            if let Some(other) = names.insert(n.to_lowercase(), c.term.as_str()) {
                r.add(&record, "synonyms", format!("\"{n}\" also names complaint \"{other}\""));
            }
        }
        if c.zones.is_empty() && c.muscles.is_empty() {
            r.add(&record, "zones", "a complaint needs at least one zone or muscle");
        }
        let zone_ids: Vec<&str> = atlas.zones.iter().map(|z| z.id.as_str()).collect();
        let muscle_ids: Vec<&str> = atlas.muscles.iter().map(|m| m.id.as_str()).collect();
        let source_ids: Vec<&str> = atlas.sources.iter().map(|s| s.id.as_str()).collect();
        check_listed(r, &record, "zones", "zone", c.zones.iter().map(|z| z.as_str()), &zone_ids);
        check_listed(r, &record, "muscles", "muscle", c.muscles.iter().map(|m| m.as_str()), &muscle_ids);
        check_listed(r, &record, "sources", "source", c.sources.iter().map(|s| s.as_str()), &source_ids);
    }
}

/// A list of ids names each once, and only ids that exist (`known`), with a suggestion if not.
fn check_listed<'a>(
    r: &mut Report,
    record: &str,
    field: &str,
    kind: &str,
    ids: impl Iterator<Item = &'a str>,
    known: &[&str],
) {
    let mut seen = HashSet::default();
    for id in ids {
        if !seen.insert(id) {
            r.add(record, field, format!("{kind} \"{id}\" is listed twice"));
        }
        if !known.contains(&id) {
            let s = did_you_mean(id, known.iter().copied());
            r.add_with(record, field, format!("refers to unknown {kind} \"{id}\""), s);
        }
    }
}

fn check_pages(atlas: &Atlas, r: &mut Report) {
    let mut seen = HashSet::default();
    for p in &atlas.pages {
        let record = format!("page {}", p.id);
        if !seen.insert(&p.id) {
            r.add(&record, "id", "is used by another page");
        }
        r.text(&record, "id", &p.id);
        r.text(&record, "title", &p.title);
        r.texts(&record, "body", &p.body, true);
    }
}

fn check_sources(atlas: &Atlas, r: &mut Report) {
    let mut seen = HashSet::default();
    for s in &atlas.sources {
        let record = format!("source {}", s.id);
        if !seen.insert(&s.id) {
            r.add(&record, "id", "is used by another source");
        }
        r.text(&record, "authors", &s.authors);
        r.text(&record, "work", &s.work);
        r.text(&record, "edition", &s.edition);
        r.text(&record, "chapter", &s.chapter);
    }
}

fn check_zones(atlas: &Atlas, r: &mut Report) {
    let mut seen = HashSet::default();
    let mut words: HashMap<String, &str> = HashMap::default();
    for z in &atlas.zones {
        let record = format!("zone {}", z.id);
        if !seen.insert(&z.id) {
            r.add(&record, "id", "is used by another zone");
        }
        r.text(&record, "name", &z.name);
        r.texts(&record, "aliases", &z.aliases, false);
        for w in std::iter::once(&z.name).chain(&z.aliases) {
            if let Some(other) = words.insert(w.to_lowercase(), z.id.as_str()) {
                if other != z.id.as_str() {
                    r.add(&record, "aliases", format!("\"{w}\" also names zone {other}"));
                }
            }
        }
        check_parts(atlas, z, &record, r);
    }
}

/// A divided zone's parts are drawn zones of its own laterality, each part of one zone only.
fn check_parts(atlas: &Atlas, zone: &Zone, record: &str, r: &mut Report) {
    for p in &zone.parts {
        match atlas.zone(p) {
            None => r.add(record, "parts", format!("names unknown zone \"{p}\"")),
            Some(part) if !part.parts.is_empty() => {
                r.add(record, "parts", format!("zone \"{p}\" is itself divided; name its parts"))
            }
            Some(part) if part.laterality != zone.laterality => {
                r.add(record, "parts", format!("zone \"{p}\" is {:?}, unlike the whole", part.laterality))
            }
            Some(_) => {}
        }
        if let Some(other) = atlas.zones.iter().find(|o| o.id != zone.id && o.parts.contains(p)) {
            r.add(record, "parts", format!("zone \"{p}\" is also a part of {}", other.id));
        }
    }
    if zone.parts.len() == 1 {
        r.add(record, "parts", "a zone divided into one part is a rename: give it an alias instead");
    }
}

fn check_muscle(atlas: &Atlas, known: &Known, m: &Muscle, record: &str, r: &mut Report) {
    r.text(record, "name", &m.name);
    r.text(record, "latin", &m.latin);
    r.texts(record, "abbreviations", &m.abbreviations, false);
    r.texts(record, "symptoms", &m.symptoms, false);
    // Checked here when the atlas carries its long texts; otherwise when their file is read
    // (`Texts::from_json`).
    if atlas.text.is_none() {
        r.text(record, "action", &m.action);
        r.texts(record, "causes", &m.causes, true);
        r.texts(record, "self_care", &m.self_care, true);
        r.texts(record, "clinician", &m.clinician, true);
        r.texts(record, "red_flags", &m.red_flags, false);
    }
    if m.trigger_points.is_empty() {
        r.add(record, "trigger_points", "a muscle needs at least one trigger point");
    }
    for other in &m.associated {
        if other == &m.id {
            r.add(record, "associated", "names the muscle itself");
        } else if atlas.muscle(other).is_none() {
            let ids = atlas.muscles.iter().map(|m| m.id.as_str());
            let s = did_you_mean(other.as_str(), ids);
            r.add_with(record, "associated", format!("refers to unknown muscle \"{other}\""), s);
        }
    }
    check_shapes(atlas, m, record, r);
    let mut seen = HashSet::default();
    for tp in &m.trigger_points {
        let tp_record = format!("trigger point {}", tp.full_id(&m.id));
        if !seen.insert(&tp.id) {
            r.add(&tp_record, "id", "is used by another trigger point of this muscle");
        }
        check_trigger_point(atlas, known, m, tp, &tp_record, r);
    }
}

fn check_trigger_point(atlas: &Atlas, known: &Known, m: &Muscle, tp: &TriggerPoint, record: &str, r: &mut Report) {
    r.text(record, "id", &tp.id);
    if atlas.text.is_none() {
        r.text(record, "location", &tp.location);
    }
    if let Some(n) = &tp.note {
        r.text(record, "note", n);
    }
    if tp.essential.is_empty() {
        r.add(record, "essential", "a trigger point needs at least one essential zone");
    }
    check_targets(atlas, known, record, "essential", &tp.essential, r);
    check_targets(atlas, known, record, "spillover", &tp.spillover, r);
    let essential: BTreeSet<_> = tp.essential.iter().map(|t| &t.zone).collect();
    for t in &tp.spillover {
        if essential.contains(&t.zone) {
            r.add(record, "spillover", format!("zone \"{}\" is also listed as essential", t.zone));
        }
    }
    if atlas.source(&tp.source).is_none() {
        let ids = atlas.sources.iter().map(|s| s.id.as_str());
        let s = did_you_mean(tp.source.as_str(), ids);
        r.add_with(record, "source", format!("refers to unknown source \"{}\"", tp.source), s);
    }
    for mark in tp.marks() {
        check_mark(atlas, m, mark, record, r);
    }
}

/// A mark lies inside its muscle's outline on its view.
fn check_mark(atlas: &Atlas, m: &Muscle, mark: &Mark, record: &str, r: &mut Report) {
    let Some(view) = atlas.figure.view(mark.view) else {
        r.add(record, "mark", format!("the figure has no {} view", mark.view.as_str()));
        return;
    };
    match m.shape_on(view.id) {
        None => r.add(
            record,
            "mark",
            format!("{} is not drawn on the {} view", m.id, view.id.as_str()),
        ),
        Some(_) if !(mark.x.is_finite() && mark.y.is_finite()) => {
            r.add(record, "mark", format!("({}, {}) is not a place on the picture", mark.x, mark.y))
        }
        Some(shape) => {
            let outline = geometry::smooth_polygon(&shape.points, 8);
            if !geometry::contains(&outline, [mark.x, mark.y]) {
                r.add(
                    record,
                    "mark",
                    format!(
                        "({}, {}) lies outside the shape of {} on the {} view",
                        mark.x, mark.y, m.id, view.id.as_str()
                    ),
                );
            }
        }
    }
}

/// Shapes: on a view that exists, one per view, on the right half of the picture.
fn check_shapes(atlas: &Atlas, m: &Muscle, record: &str, r: &mut Report) {
    if m.shapes.is_empty() {
        r.add(record, "shapes", "is not drawn on any view");
    }
    let mut seen = HashSet::default();
    for shape in &m.shapes {
        let view = shape.view.as_str();
        if !seen.insert(shape.view) {
            r.add(record, "shapes", format!("has two shapes on the {view} view"));
        }
        if shape.points.len() < 3 {
            r.add(record, "shapes", format!("the {view} shape needs at least three points"));
        }
        if let Some(v) = atlas.figure.view(shape.view) {
            check_points(v, record, "shapes", &shape.points, r);
        }
        match atlas.figure.view(shape.view) {
            None => r.add(record, "shapes", format!("the figure has no {view} view")),
            Some(v) if shape.points.iter().any(|p| p[0] < v.midline_x()) => r.add(
                record,
                "shapes",
                format!("the {view} shape crosses the midline: draw it on the right half only"),
            ),
            Some(_) => {}
        }
    }
}

fn check_targets(atlas: &Atlas, known: &Known, record: &str, field: &str, targets: &[ZoneTarget], r: &mut Report) {
    let mut seen = HashSet::default();
    for t in targets {
        if !seen.insert(&t.zone) {
            r.add(record, field, format!("zone \"{}\" is listed twice", t.zone));
        }
        if !known.zones.contains_key(&t.zone) {
            let ids = atlas.zones.iter().map(|z| z.id.as_str());
            let s = did_you_mean(t.zone.as_str(), ids);
            r.add_with(record, field, format!("refers to unknown zone \"{}\"", t.zone), s);
        }
        if let Some(whole) = known.whole.get(&t.zone) {
            if targets.iter().any(|o| o.zone == whole.id) {
                r.add(record, field, format!("zone \"{}\" is part of \"{}\", which is listed too", t.zone, whole.id));
            }
        }
    }
}

fn check_figure(atlas: &Atlas, known: &Known, r: &mut Report) {
    if atlas.figure.views.is_empty() {
        r.add("figure", "views", "has no views");
    }
    let mut drawn_zones = HashSet::default();
    for view in &atlas.figure.views {
        check_view(atlas, known, view, r);
        drawn_zones.extend(view.zones.iter().map(|z| &z.zone));
    }
    for z in &atlas.zones {
        let drawn = drawn_zones.contains(&z.id);
        if z.parts.is_empty() && !drawn {
            r.add(format!("zone {}", z.id), "figure", "is not drawn on any view");
        }
        if !z.parts.is_empty() && drawn {
            r.add(format!("zone {}", z.id), "figure", "is divided into parts, so only its parts are drawn");
        }
    }
}

/// The largest view, in its own units: far beyond any figure, small enough for `f32` arithmetic.
const MAX_VIEW_SIZE: f32 = 10_000.0;

/// A view's size is a positive, finite number of units.
fn check_size(record: &str, field: &str, v: f32, r: &mut Report) {
    if !(v.is_finite() && v > 0.0 && v <= MAX_VIEW_SIZE) {
        r.add(record, field, format!("must be a number above 0 and at most {MAX_VIEW_SIZE}, not {v}"));
    }
}

/// Points are finite and near the picture: inside it, or overhanging by at most its own size
/// (zones overhang the outline, which the app clips).
fn check_points(view: &View, record: &str, field: &str, points: &[[f32; 2]], r: &mut Report) {
    let (w, h) = (view.width, view.height);
    if let Some(p) = points.iter().find(|p| {
        !(p[0].is_finite() && p[1].is_finite() && (-w..=2.0 * w).contains(&p[0]) && (-h..=2.0 * h).contains(&p[1]))
    }) {
        r.add(record, field, format!("has a point ({}, {}) that is not a number within the {w} x {h} picture", p[0], p[1]));
    }
}

fn check_view(atlas: &Atlas, known: &Known, view: &View, r: &mut Report) {
    let record = format!("{} view", view.id.as_str());
    check_size(&record, "width", view.width, r);
    check_size(&record, "height", view.height, r);
    if view.outline.len() < 3 {
        r.add(&record, "outline", "needs at least three points");
    }
    check_points(view, &record, "outline", &view.outline, r);
    for (i, d) in view.details.iter().enumerate() {
        check_points(view, &record, &format!("details[{i}]"), &d.points, r);
    }
    for (i, shape) in view.zones.iter().enumerate() {
        let field = format!("zones[{i}]");
        if shape.points.len() < 3 {
            r.add(&record, &field, "a zone shape needs at least three points");
        }
        check_points(view, &record, &field, &shape.points, r);
        match known.zones.get(&shape.zone).copied() {
            None => {
                let ids = atlas.zones.iter().map(|z| z.id.as_str());
                let s = did_you_mean(shape.zone.as_str(), ids);
                r.add_with(&record, &field, format!("draws unknown zone \"{}\"", shape.zone), s);
            }
            Some(z) if (z.laterality == Laterality::Midline) != shape.midline => r.add(
                &record,
                &field,
                format!(
                    "zone \"{}\" is {:?} but its shape is {}",
                    z.id,
                    z.laterality,
                    if shape.midline { "drawn whole on the midline" } else { "mirrored" }
                ),
            ),
            Some(_) => {}
        }
    }
}

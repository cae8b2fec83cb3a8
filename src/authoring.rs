//! Reads the human-authored data folder (TOML, one muscle per file) into an `Atlas`.
//! Native only: the browser receives the bundled JSON that `atlas bundle` writes.

use crate::model::atlas::FORMAT;
use crate::model::{Atlas, Complaint, Identifiers, Mark, Muscle, MuscleId, MuscleShape, Page, Region, Source, SourceId, View, Zone, ZoneId};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ZonesFile {
    zone: Vec<Zone>,
}

/// data/figure/marks.toml, written by the figure generator (scripts/mesh/marks.py): each
/// trigger point's mark on the views other than its authored one, from the body surface.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MarksFile {
    #[serde(default)]
    marks: BTreeMap<String, Vec<Mark>>,
}

/// data/figure/outlines.toml, written by the figure generator (scripts/mesh/outlines.py): for
/// the muscles whose outline is derived from one region of the body surface (the generator's
/// `DERIVED` list), their outline on every view where it shows. Such a muscle's `[[shapes]]` stay
/// in its file as the authored input the region is lifted from, the way a trigger point's `mark`
/// is; the loader replaces them with these.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutlinesFile {
    #[serde(default)]
    outlines: BTreeMap<String, Vec<MuscleShape>>,
}

/// The generated files in data/figure/ that are not views.
const MARKS_FILE: &str = "marks.toml";
const OUTLINES_FILE: &str = "outlines.toml";

/// data/identifiers.toml: each muscle's standard anatomical identifiers (FMA, Uberon), one
/// table per muscle id, with where they came from in its header. Optional, and a muscle may be
/// missing from it (`atlas check` lists those).
pub const IDENTIFIERS_FILE: &str = "identifiers.toml";

/// data/complaints.toml: everyday complaints for search. Optional, so that a small data folder
/// need not have one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ComplaintsFile {
    complaint: Vec<Complaint>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PagesFile {
    page: Vec<Page>,
}

/// The muscles the atlas aims to cover, by region (data/checklist.toml).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub region: Vec<ChecklistRegion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistRegion {
    pub region: Region,
    pub muscles: Vec<MuscleId>,
}

pub fn load_checklist(dir: &Path) -> Result<Checklist, String> {
    let mut errors = Vec::new();
    read(&dir.join("checklist.toml"), &mut errors).ok_or_else(|| errors.join("; "))
}

/// Load every file under `dir`. Errors name the file and what could not be read; all files
/// are tried so that one run reports every broken file.
pub fn load_dir(dir: &Path) -> Result<Atlas, Vec<String>> {
    let (atlas, errors) = load_dir_partly(dir);
    if errors.is_empty() {
        Ok(atlas)
    } else {
        Err(errors)
    }
}

/// The atlas made of every file that could be read, and the errors of those that could not,
/// so that the data tool can report a syntax error in one file together with the problems of
/// all the others.
pub fn load_dir_partly(dir: &Path) -> (Atlas, Vec<String>) {
    let mut errors = Vec::new();
    let sources: Option<SourcesFile> = read(&dir.join("sources.toml"), &mut errors);
    let zones: Option<ZonesFile> = read(&dir.join("zones.toml"), &mut errors);
    let pages: Option<PagesFile> = read(&dir.join("pages.toml"), &mut errors);
    let complaints_path = dir.join("complaints.toml");
    let complaints: Option<ComplaintsFile> = read_optional(&complaints_path, &mut errors);
    let views: Vec<View> = toml_files(&dir.join("figure"), &mut errors)
        .iter()
        .filter(|p| p.file_name().is_none_or(|n| n != MARKS_FILE && n != OUTLINES_FILE))
        .filter_map(|p| read(p, &mut errors))
        .collect();
    let marks_path = dir.join("figure").join(MARKS_FILE);
    let marks: Option<MarksFile> = read_optional(&marks_path, &mut errors);
    let outlines_path = dir.join("figure").join(OUTLINES_FILE);
    let outlines: Option<OutlinesFile> = read_optional(&outlines_path, &mut errors);
    let identifiers_path = dir.join(IDENTIFIERS_FILE);
    let identifiers: Option<BTreeMap<String, Identifiers>> = read_optional(&identifiers_path, &mut errors);
    let muscle_files = toml_files(&dir.join("muscles"), &mut errors);
    let mut muscles: Vec<Muscle> = Vec::new();
    for path in &muscle_files {
        if let Some(m) = read::<Muscle>(path, &mut errors) {
            for tp in m.trigger_points.iter().filter(|t| !t.also_marked.is_empty()) {
                errors.push(format!(
                    "{}: trigger point {}: marks on other views are derived from the body surface: \
                     see data/figure/marks.toml; remove also_marked",
                    path.display(),
                    tp.id
                ));
            }
            if m.ids.is_some() {
                errors.push(format!(
                    "{}: identifiers are kept in data/{IDENTIFIERS_FILE}, with their source; remove ids",
                    path.display()
                ));
            }
            muscles.push(m);
        }
    }
    if let Some(file) = outlines {
        to_muscles(&outlines_path, file.outlines, &mut muscles, &mut errors, |m, shapes| m.shapes = shapes);
    }
    if let Some(marks) = marks {
        derive_marks(&marks_path, marks, &mut muscles, &mut errors);
    }
    if let Some(identifiers) = identifiers {
        to_muscles(&identifiers_path, identifiers, &mut muscles, &mut errors, |m, ids| m.ids = Some(ids));
    }
    let mut views = views;
    views.sort_by_key(|v| v.id);
    let atlas = Atlas {
        format: FORMAT,
        sources: sources.map(|s| s.source).unwrap_or_default(),
        zones: zones.map(|z| z.zone).unwrap_or_default(),
        muscles,
        figure: crate::model::Figure { views },
        pages: pages.map(|p| p.page).unwrap_or_default(),
        complaints: complaints.map(|c| c.complaint).unwrap_or_default(),
        text: None,
    };
    (atlas, errors)
}

/// Fill each trigger point's `also_marked` from the generated marks file; an entry that names
/// an unknown muscle or trigger point is an error.
fn derive_marks(path: &Path, file: MarksFile, muscles: &mut [Muscle], errors: &mut Vec<String>) {
    for (key, marks) in file.marks {
        let Some((muscle, tp)) = key.split_once('/') else {
            errors.push(format!("{}: \"{key}\" is not <muscle>/<trigger point>", path.display()));
            continue;
        };
        let Some(m) = muscles.iter_mut().find(|m| m.id.as_str() == muscle) else {
            errors.push(format!("{}: \"{key}\" names an unknown muscle \"{muscle}\"", path.display()));
            continue;
        };
        let Some(t) = m.trigger_points.iter_mut().find(|t| t.id == tp) else {
            errors.push(format!(
                "{}: \"{key}\" names an unknown trigger point \"{tp}\" of {muscle}",
                path.display()
            ));
            continue;
        };
        t.also_marked = marks;
    }
}

/// Hand each entry of a file keyed by muscle id (identifiers, derived outlines) to its muscle;
/// an entry that names an unknown muscle is an error, with the id probably meant.
fn to_muscles<T>(
    path: &Path,
    entries: BTreeMap<String, T>,
    muscles: &mut [Muscle],
    errors: &mut Vec<String>,
    give: impl Fn(&mut Muscle, T),
) {
    for (id, entry) in entries {
        match muscles.iter_mut().find(|m| m.id.as_str() == id) {
            Some(m) => give(m, entry),
            None => {
                let known = muscles.iter().map(|m| m.id.as_str());
                let hint = crate::model::suggest::did_you_mean(&id, known)
                    .map(|s| format!("; did you mean \"{s}\"?"))
                    .unwrap_or_default();
                errors.push(format!("{}: [{id}] names an unknown muscle{hint}", path.display()));
            }
        }
    }
}

/// The `.toml` files in a folder, sorted so output is reproducible.
fn toml_files(dir: &Path, errors: &mut Vec<String>) -> Vec<PathBuf> {
    match fs::read_dir(dir) {
        Ok(entries) => {
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            files.sort();
            files
        }
        Err(e) => {
            errors.push(format!("{}: {e}", dir.display()));
            Vec::new()
        }
    }
}

/// A file that may be absent: `None` when it is not there.
fn read_optional<T: DeserializeOwned>(path: &Path, errors: &mut Vec<String>) -> Option<T> {
    if path.exists() { read(path, errors) } else { None }
}

fn read<T: DeserializeOwned>(path: &Path, errors: &mut Vec<String>) -> Option<T> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            return None;
        }
    };
    match toml::from_str(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            None
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The Manual's pain guides (data/pain_guides.toml): a second encoding of where each muscle
// refers pain, written from the Manual's per-part pain guides rather than from its muscle
// chapters, and compared with the pain guide derived from the trigger point data. A check
// only: read natively, never bundled.

/// The file of the Manual's pain guides, inside the data folder.
pub const PAIN_GUIDES_FILE: &str = "pain_guides.toml";
/// The reviewed differences between those guides and the trigger point data.
pub const PAIN_GUIDE_EXCEPTIONS_FILE: &str = "pain_guide_exceptions.toml";

/// One area of a pain guide of the Manual.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideArea {
    /// The area, as the guide names it, in our words.
    pub name: String,
    /// The zones it corresponds to; a divided zone means all its parts.
    pub zones: Vec<ZoneId>,
    /// The muscles the guide lists there that the atlas has, in the guide's order.
    pub muscles: Vec<MuscleId>,
    /// Muscles the guide lists that the atlas does not have, by name.
    #[serde(default)]
    pub missing: Vec<String>,
    /// The guide's chapter.
    pub source: SourceId,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideFile {
    area: Vec<GuideArea>,
}

/// Which side of the comparison a muscle is on alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GuideDirection {
    /// The guide lists the muscle for the area; none of its trigger points reaches the area's
    /// zones in our data.
    GuideOnly,
    /// Our data has the muscle refer essential pain to one of the area's zones; the guide does
    /// not list it there.
    AtlasOnly,
}

impl GuideDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            GuideDirection::GuideOnly => "guide-only",
            GuideDirection::AtlasOnly => "atlas-only",
        }
    }
}

/// A difference between a guide area and the trigger point data.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct GuideDifference {
    pub area: String,
    pub muscle: MuscleId,
    pub direction: GuideDirection,
}

impl std::fmt::Display for GuideDifference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.direction {
            GuideDirection::GuideOnly => write!(
                f,
                "{}: the Manual's guide lists {}, whose trigger points do not reach the area in our data",
                self.area, self.muscle
            ),
            GuideDirection::AtlasOnly => write!(
                f,
                "{}: {} refers essential pain there in our data, and the Manual's guide does not list it",
                self.area, self.muscle
            ),
        }
    }
}

/// A reviewed difference, with the reason it stands.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideException {
    pub area: String,
    pub muscle: MuscleId,
    pub direction: GuideDirection,
    pub reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExceptionsFile {
    #[serde(default)]
    exception: Vec<GuideException>,
}

/// The areas of data/pain_guides.toml; none when the folder has no such file.
pub fn load_pain_guides(dir: &Path) -> Result<Vec<GuideArea>, String> {
    read_list(&dir.join(PAIN_GUIDES_FILE), |f: GuideFile| f.area)
}

/// The reviewed differences of data/pain_guide_exceptions.toml; none when there is no file.
pub fn load_pain_guide_exceptions(dir: &Path) -> Result<Vec<GuideException>, String> {
    read_list(&dir.join(PAIN_GUIDE_EXCEPTIONS_FILE), |f: ExceptionsFile| f.exception)
}

/// The records of an optional file: none when it is absent, its problems when it cannot be read.
fn read_list<F: DeserializeOwned, T>(path: &Path, records: impl FnOnce(F) -> Vec<T>) -> Result<Vec<T>, String> {
    let mut errors = Vec::new();
    match read_optional::<F>(path, &mut errors) {
        Some(file) => Ok(records(file)),
        None if errors.is_empty() => Ok(Vec::new()),
        None => Err(errors.join("; ")),
    }
}

/// Problems with the guide areas and exceptions themselves: unknown zone, muscle or source ids,
/// a muscle listed twice, a "missing" muscle the atlas now has, an exception that names no area.
pub fn validate_pain_guides(atlas: &Atlas, areas: &[GuideArea], exceptions: &[GuideException]) -> Vec<String> {
    let mut out = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for a in areas {
        let at = format!("{PAIN_GUIDES_FILE}: area \"{}\"", a.name);
        if !names.insert(a.name.as_str()) {
            out.push(format!("{at}: the name is used twice"));
        }
        if a.zones.is_empty() {
            out.push(format!("{at}: no zones"));
        }
        for z in &a.zones {
            if atlas.zone(z).is_none() {
                out.push(format!("{at}: unknown zone \"{z}\""));
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for m in &a.muscles {
            if atlas.muscle(m).is_none() {
                out.push(format!("{at}: unknown muscle \"{m}\" (a muscle the atlas lacks goes in `missing`, by name)"));
            }
            if !seen.insert(m) {
                out.push(format!("{at}: muscle \"{m}\" is listed twice"));
            }
        }
        for name in &a.missing {
            let lower = name.to_lowercase();
            if let Some(m) =
                atlas.muscles.iter().find(|m| m.name.to_lowercase() == lower || m.id.as_str() == lower.replace(' ', "-"))
            {
                out.push(format!("{at}: \"{name}\" is in `missing` but the atlas has it now as \"{}\"", m.id));
            }
        }
        if atlas.source(&a.source).is_none() {
            out.push(format!("{at}: unknown source \"{}\"", a.source));
        }
    }
    for e in exceptions {
        let at = format!("{PAIN_GUIDE_EXCEPTIONS_FILE}: {} / {}", e.area, e.muscle);
        if !names.contains(e.area.as_str()) {
            out.push(format!("{at}: no area of {PAIN_GUIDES_FILE} has that name"));
        }
        if atlas.muscle(&e.muscle).is_none() {
            out.push(format!("{at}: unknown muscle"));
        }
        if e.reason.trim().is_empty() {
            out.push(format!("{at}: give a reason"));
        }
    }
    out
}

/// Every difference between the guide areas and the pain guide derived from the trigger point
/// data. `atlas` should be the checked atlas (divided zones expanded into their parts, as the
/// app sees them). A guide muscle differs when none of its trigger points reaches any of the
/// area's zones (essential or spillover); a muscle of ours differs when it refers essential pain
/// to one of the area's zones and the guide does not list it.
pub fn pain_guide_differences(atlas: &Atlas, areas: &[GuideArea]) -> Vec<GuideDifference> {
    use crate::model::Strength;
    let mut out = Vec::new();
    for a in areas {
        // The area's zones, each divided one through its parts.
        let mut zones: Vec<&Zone> = Vec::new();
        for id in &a.zones {
            let Some(z) = atlas.zone(id) else { continue };
            if z.parts.is_empty() {
                zones.push(z);
            } else {
                zones.extend(z.parts.iter().filter_map(|p| atlas.zone(p)));
            }
        }
        let mut found: BTreeMap<MuscleId, Strength> = BTreeMap::new();
        for z in zones {
            for r in atlas.referrals_to(&z.id, z.sides()[0]) {
                let e = found.entry(r.muscle).or_insert(r.strength);
                *e = (*e).min(r.strength);
            }
        }
        for m in &a.muscles {
            if !found.contains_key(m) {
                out.push(GuideDifference { area: a.name.clone(), muscle: m.clone(), direction: GuideDirection::GuideOnly });
            }
        }
        for (m, s) in &found {
            if *s == Strength::Essential && !a.muscles.contains(m) {
                out.push(GuideDifference { area: a.name.clone(), muscle: m.clone(), direction: GuideDirection::AtlasOnly });
            }
        }
    }
    out
}

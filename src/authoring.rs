//! Reads the human-authored data folder (TOML, one muscle per file) into an `Atlas`.
//! Native only: the browser receives the bundled JSON that `atlas bundle` writes.

use crate::model::atlas::FORMAT;
use crate::model::{Atlas, Complaint, Mark, Muscle, MuscleId, Page, Region, Source, View, Zone};
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

/// The generated file in data/figure/ that is not a view.
const MARKS_FILE: &str = "marks.toml";

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
    let complaints: Option<ComplaintsFile> =
        if complaints_path.exists() { read(&complaints_path, &mut errors) } else { None };
    let views: Vec<View> = toml_files(&dir.join("figure"), &mut errors)
        .iter()
        .filter(|p| p.file_name().is_none_or(|n| n != MARKS_FILE))
        .filter_map(|p| read(p, &mut errors))
        .collect();
    let marks_path = dir.join("figure").join(MARKS_FILE);
    let marks: Option<MarksFile> =
        if marks_path.exists() { read(&marks_path, &mut errors) } else { None };
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
            muscles.push(m);
        }
    }
    if let Some(marks) = marks {
        derive_marks(&marks_path, marks, &mut muscles, &mut errors);
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

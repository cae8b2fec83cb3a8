//! Reads the human-authored data folder (TOML, one muscle per file) into an `Atlas`.
//! Native only: the browser receives the bundled JSON that `atlas bundle` writes.

use crate::model::atlas::FORMAT;
use crate::model::{Atlas, Muscle, MuscleId, Page, Region, Source, View, Zone};
use serde::de::DeserializeOwned;
use serde::Deserialize;
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
    let mut errors = Vec::new();
    let sources: Option<SourcesFile> = read(&dir.join("sources.toml"), &mut errors);
    let zones: Option<ZonesFile> = read(&dir.join("zones.toml"), &mut errors);
    let pages: Option<PagesFile> = read(&dir.join("pages.toml"), &mut errors);
    let views: Vec<View> = toml_files(&dir.join("figure"), &mut errors)
        .iter()
        .filter_map(|p| read(p, &mut errors))
        .collect();
    let muscles: Vec<Muscle> = toml_files(&dir.join("muscles"), &mut errors)
        .iter()
        .filter_map(|p| read(p, &mut errors))
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut views = views;
    views.sort_by_key(|v| v.id);
    Ok(Atlas {
        format: FORMAT,
        sources: sources.map(|s| s.source).unwrap_or_default(),
        zones: zones.map(|z| z.zone).unwrap_or_default(),
        muscles,
        figure: crate::model::Figure { views },
        pages: pages.map(|p| p.page).unwrap_or_default(),
    })
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

//! Helpers shared by the native test files.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A copy of data/ in a fresh temporary folder, for tests that break files; `name` keeps the
/// copies of different tests apart.
pub fn copy_of_data(name: &str) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = std::env::temp_dir().join(format!("trigger-atlas-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy(Path::new("data"), &dir);
    dir
}

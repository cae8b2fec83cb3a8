//! The data tool.
//!
//! `cargo run --bin atlas -- check`  validates data/, prints coverage, and fails if
//!                                    public/atlas.json or atlas-text.json is out of date.
//! `cargo run --bin atlas -- bundle` writes public/atlas.json (the figure, zones and patterns)
//!                                    and public/atlas-text.json (the muscles' long texts) from data/.
//! `cargo run --bin atlas -- preview front|back|side|head|sole|palm|hand-back` prints a review SVG of one view.
//!
//! `--data DIR` reads another data folder (then `check` does not compare it with the app's
//! bundle); `--out FILE` makes `bundle` write one file, texts included, elsewhere. A file that cannot be read is reported
//! together with the problems of every other file.

// The tool reads files, so it exists only natively; the crate's wasm build skips it.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::collections::BTreeMap;
    use std::path::Path;
    use std::process::ExitCode;
    use trigger_atlas::authoring::load_dir_partly;
    use trigger_atlas::model::{Atlas, Region};

    const DATA: &str = "data";
    const BUNDLE: &str = "public/atlas.json";
    const TEXTS: &str = "public/atlas-text.json";

    /// The command line: the command and its words, and the `--data` / `--out` options.
    struct Args {
        words: Vec<String>,
        data: Option<String>,
        out: Option<String>,
    }

    fn args() -> Result<Args, String> {
        let mut a = Args { words: Vec::new(), data: None, out: None };
        let mut it = std::env::args().skip(1);
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--data" => a.data = Some(it.next().ok_or("--data needs a folder")?),
                "--out" => a.out = Some(it.next().ok_or("--out needs a file")?),
                _ => a.words.push(arg),
            }
        }
        Ok(a)
    }

    pub fn main() -> ExitCode {
        let args = match args() {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        let cmd = args.words.first().cloned().unwrap_or_else(|| "check".into());
        let dir = args.data.clone().unwrap_or_else(|| DATA.into());
        let (atlas, unread) = load_dir_partly(Path::new(&dir));
        if !unread.is_empty() {
            eprintln!("{} problem(s) reading {dir}/:", unread.len());
            for e in &unread {
                eprintln!("- {e}");
            }
        }
        if cmd == "preview" {
            if !unread.is_empty() {
                return ExitCode::FAILURE;
            }
            // Drawn even when the data has problems: the figure is what one is fixing.
            let view = args
                .words
                .get(1)
                .and_then(|name| trigger_atlas::model::ViewId::parse(name))
                .unwrap_or(trigger_atlas::model::ViewId::Front);
            return match trigger_atlas::preview::view_svg(&atlas, view) {
                Some(svg) => {
                    println!("{svg}");
                    ExitCode::SUCCESS
                }
                None => ExitCode::FAILURE,
            };
        }
        // Checked as the app will load it, but bundled as authored: the app expands divided
        // zones itself, and the file stays smaller. The files that could be read are checked
        // even when others could not, unless what everything refers to (sources, zones) is
        // missing, which would only bury the real problem under its consequences.
        let foundations_read = !unread.iter().any(|e| e.contains("sources.toml") || e.contains("zones.toml"));
        if foundations_read {
            if let Err(e) = atlas.clone().checked() {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        } else {
            eprintln!("(the other files are checked once sources.toml and zones.toml can be read)");
        }
        if !unread.is_empty() {
            return ExitCode::FAILURE;
        }
        match cmd.as_str() {
            "check" => {
                print_coverage(&atlas);
                let has_checklist = Path::new(&dir).join("checklist.toml").exists();
                match trigger_atlas::authoring::load_checklist(Path::new(&dir)) {
                    // Another data folder need not track the Manual's checklist.
                    Err(_) if args.data.is_some() && !has_checklist => {}
                    Ok(list) => print_checklist(&atlas, &list),
                    Err(e) => {
                        eprintln!("{e}");
                        return ExitCode::FAILURE;
                    }
                }
                print_identifiers(&atlas);
                if !check_pain_guides(&atlas, Path::new(&dir)) {
                    return ExitCode::FAILURE;
                }
                if args.data.is_some() {
                    println!("data valid ({dir}/)");
                    return ExitCode::SUCCESS;
                }
                let (core, texts) = atlas.split_text();
                let current = |path: &str, want: String| std::fs::read_to_string(path).is_ok_and(|on_disk| on_disk == want);
                if !current(BUNDLE, core.to_json()) || !current(TEXTS, texts.to_json()) {
                    eprintln!("{BUNDLE} or {TEXTS} is out of date with {DATA}/: run `cargo run --bin atlas -- bundle`");
                    return ExitCode::FAILURE;
                }
                println!("data valid; {BUNDLE} and {TEXTS} are up to date");
                ExitCode::SUCCESS
            }
            "bundle" => {
                // The app's bundle is two files, the texts apart (fetched after the body is
                // drawn); a file written elsewhere, for a data author to open, is one.
                let files = match &args.out {
                    Some(out) => vec![(out.clone(), atlas.to_json())],
                    None => {
                        let (core, texts) = atlas.split_text();
                        vec![(BUNDLE.to_string(), core.to_json()), (TEXTS.to_string(), texts.to_json())]
                    }
                };
                for (path, json) in files {
                    if let Err(e) = std::fs::write(&path, &json) {
                        eprintln!("could not write {path}: {e}");
                        return ExitCode::FAILURE;
                    }
                    println!("wrote {path} ({} bytes)", json.len());
                }
                ExitCode::SUCCESS
            }
            other => {
                eprintln!("unknown command {other:?}; use check, bundle or preview");
                ExitCode::FAILURE
            }
        }
    }

    /// The Manual's pain guides (data/pain_guides.toml, a native check, never bundled): their
    /// ids must exist, and every difference from the pain guide derived from the trigger point
    /// data must be reviewed in data/pain_guide_exceptions.toml. A folder without the file
    /// passes.
    fn check_pain_guides(atlas: &Atlas, dir: &Path) -> bool {
        use trigger_atlas::authoring::{
            load_pain_guide_exceptions, load_pain_guides, pain_guide_differences, validate_pain_guides,
        };
        let (areas, exceptions) = match (load_pain_guides(dir), load_pain_guide_exceptions(dir)) {
            (Ok(a), Ok(e)) => (a, e),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("{e}");
                return false;
            }
        };
        if areas.is_empty() {
            return true;
        }
        let problems = validate_pain_guides(atlas, &areas, &exceptions);
        if !problems.is_empty() {
            eprintln!("{} problem(s) in the pain guides:", problems.len());
            for p in &problems {
                eprintln!("- {p}");
            }
            return false;
        }
        // Compared as the app sees the data: divided zones expanded into their parts.
        let Ok(expanded) = atlas.clone().checked() else { return false };
        let differences = pain_guide_differences(&expanded, &areas);
        let unreviewed: Vec<_> = differences
            .iter()
            .filter(|d| {
                !exceptions.iter().any(|e| e.area == d.area && e.muscle == d.muscle && e.direction == d.direction)
            })
            .collect();
        println!(
            "pain guides: {} areas of the Manual's guides; {} difference(s) from our data, {} reviewed",
            areas.len(),
            differences.len(),
            differences.len() - unreviewed.len()
        );
        if !unreviewed.is_empty() {
            eprintln!(
                "{} difference(s) not reviewed: fix the data or list them in data/pain_guide_exceptions.toml",
                unreviewed.len()
            );
            for d in unreviewed {
                eprintln!("- {d} [{}]", d.direction.as_str());
            }
            return false;
        }
        true
    }

    /// Coverage against the Trigger Point Manual checklist: present / expected, and what is missing.
    fn print_checklist(atlas: &Atlas, list: &trigger_atlas::authoring::Checklist) {
        let expected: usize = list.region.iter().map(|r| r.muscles.len()).sum();
        let present = list
            .region
            .iter()
            .flat_map(|r| &r.muscles)
            .filter(|id| atlas.muscle(id).is_some())
            .count();
        println!("Checklist coverage: {present} of {expected} muscles");
        for r in &list.region {
            let missing: Vec<&str> =
                r.muscles.iter().filter(|id| atlas.muscle(id).is_none()).map(|id| id.as_str()).collect();
            let have = r.muscles.len() - missing.len();
            print!("  {:<32} {:>3}/{:<3}", r.region.label(), have, r.muscles.len());
            if missing.is_empty() {
                println!();
            } else {
                println!(" missing: {}", missing.join(", "));
            }
        }
    }

    /// How many muscles carry standard identifiers (data/identifiers.toml), and which have no
    /// entry yet: a list to work through, not a failure, so a new muscle can land first.
    fn print_identifiers(atlas: &Atlas) {
        let with_fma = atlas.muscles.iter().filter(|m| m.ids.as_ref().is_some_and(|i| i.fma.is_some())).count();
        let through_members = atlas
            .muscles
            .iter()
            .filter(|m| m.ids.as_ref().is_some_and(|i| i.fma.is_none() && i.members.iter().any(|mb| mb.fma.is_some())))
            .count();
        println!(
            "Identifiers: {with_fma} of {} muscles carry an FMA id ({through_members} more through their members)",
            atlas.muscles.len()
        );
        let missing: Vec<&str> = atlas.muscles.iter().filter(|m| m.ids.is_none()).map(|m| m.id.as_str()).collect();
        if !missing.is_empty() {
            println!(
                "  warning: {} muscle(s) have no entry in data/identifiers.toml: {}",
                missing.len(),
                missing.join(", ")
            );
        }
    }

    fn print_coverage(atlas: &Atlas) {
        let mut by_region: BTreeMap<Region, Vec<&str>> = BTreeMap::new();
        for m in &atlas.muscles {
            by_region.entry(m.region).or_default().push(&m.name);
        }
        let tps: usize = atlas.muscles.iter().map(|m| m.trigger_points.len()).sum();
        println!(
            "{} muscles, {} trigger points, {} zones, {} sources",
            atlas.muscles.len(),
            tps,
            atlas.zones.len(),
            atlas.sources.len()
        );
        for region in Region::ALL {
            let names = by_region.get(&region).cloned().unwrap_or_default();
            println!("  {:<32} {:>3}  {}", region.label(), names.len(), names.join(", "));
        }
        for view in &atlas.figure.views {
            let zones = view.zone_instances().len();
            println!(
                "  {} view: {} zone shapes on the figure ({} authored, the rest mirrored), {} muscles drawn",
                view.label,
                zones,
                view.zones.len(),
                atlas.muscles.iter().filter(|m| m.shape_on(view.id).is_some()).count()
            );
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

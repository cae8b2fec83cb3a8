//! The Manual's pain guides (data/pain_guides.toml), encoded on their own from the guides that
//! open each part of the Trigger Point Manual, against the pain guide the app derives from the
//! trigger point data. Every difference is fixed in the data or reviewed in
//! data/pain_guide_exceptions.toml; a new one fails here, so edits to either side are guarded.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;
use trigger_atlas::authoring::{
    load_dir, load_pain_guide_exceptions, load_pain_guides, pain_guide_differences, validate_pain_guides,
    GuideArea, GuideDifference, GuideDirection, GuideException,
};
use trigger_atlas::model::{Atlas, MuscleId, ZoneId};

fn shipped() -> (Atlas, Vec<GuideArea>, Vec<GuideException>) {
    let dir = Path::new("data");
    let atlas = load_dir(dir).expect("data/ parses").checked().expect("data/ is valid");
    let areas = load_pain_guides(dir).expect("data/pain_guides.toml parses");
    let exceptions = load_pain_guide_exceptions(dir).expect("data/pain_guide_exceptions.toml parses");
    (atlas, areas, exceptions)
}

fn key(d: &GuideDifference) -> (String, MuscleId, GuideDirection) {
    (d.area.clone(), d.muscle.clone(), d.direction)
}

#[test]
fn the_guides_name_only_known_zones_muscles_and_sources() {
    let (atlas, areas, exceptions) = shipped();
    let problems = validate_pain_guides(&atlas, &areas, &exceptions);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(areas.len() >= 30, "{} areas", areas.len());
    // Every part of both volumes has its guide represented.
    let sources: BTreeSet<&str> = areas.iter().map(|a| a.source.as_str()).collect();
    for s in ["ts-v1-ch5", "ts-v1-ch18", "ts-v1-ch33", "ts-v1-ch41", "ts-v2-ch3", "ts-v2-ch11", "ts-v2-ch18"] {
        assert!(sources.contains(s), "no area from {s}");
    }
}

#[test]
fn every_difference_from_the_manuals_guides_is_fixed_or_reviewed() {
    let (atlas, areas, exceptions) = shipped();
    let found: BTreeSet<_> = pain_guide_differences(&atlas, &areas).iter().map(key).collect();
    let reviewed: BTreeSet<_> =
        exceptions.iter().map(|e| (e.area.clone(), e.muscle.clone(), e.direction)).collect();
    let unreviewed: Vec<String> = pain_guide_differences(&atlas, &areas)
        .iter()
        .filter(|d| !reviewed.contains(&key(d)))
        .map(|d| format!("- {d} [{}]", d.direction.as_str()))
        .collect();
    assert!(
        unreviewed.is_empty(),
        "{} difference(s) between data/pain_guides.toml and the trigger point data: fix the data, \
         or review them in data/pain_guide_exceptions.toml\n{}",
        unreviewed.len(),
        unreviewed.join("\n")
    );
    // An exception that no longer matches a difference is stale: the data was fixed.
    let stale: Vec<String> = reviewed
        .iter()
        .filter(|k| !found.contains(k))
        .map(|(a, m, d)| format!("- {a} / {m} / {}", d.as_str()))
        .collect();
    assert!(stale.is_empty(), "exceptions that no longer match a difference: remove them\n{}", stale.join("\n"));
}

#[test]
fn the_comparison_sees_a_broken_pattern() {
    // Take the soleus out of the heel: the heel pain area must then report it.
    let (mut atlas, areas, _) = shipped();
    let heel: Vec<ZoneId> = ["foot.heel", "foot.sole-heel", "foot.heel-inner"].map(ZoneId::new).to_vec();
    let soleus = atlas.muscles.iter_mut().find(|m| m.id.as_str() == "soleus").expect("soleus");
    for tp in &mut soleus.trigger_points {
        tp.essential.retain(|t| !heel.contains(&t.zone));
        tp.spillover.retain(|t| !heel.contains(&t.zone));
    }
    let diffs = pain_guide_differences(&atlas, &areas);
    assert!(
        diffs.iter().any(|d| d.area == "heel pain"
            && d.muscle.as_str() == "soleus"
            && d.direction == GuideDirection::GuideOnly),
        "{diffs:?}"
    );
}

#[test]
fn the_guides_stay_out_of_the_bundle() {
    let bundled = std::fs::read_to_string("public/atlas.json").expect("public/atlas.json");
    assert!(!bundled.contains("pain_guide"), "the pain guides are a native check, not app data");
    let json: serde_json::Value = serde_json::from_str(&bundled).expect("the bundle is JSON");
    let keys: Vec<&String> = json.as_object().expect("an object").keys().collect();
    assert!(keys.iter().all(|k| !k.contains("guide") && !k.contains("exception")), "{keys:?}");
}

#[test]
fn validation_names_unknown_ids_and_muscles_the_atlas_now_has() {
    let (atlas, mut areas, mut exceptions) = shipped();
    areas[0].zones.push(ZoneId::new("head.nowhere"));
    areas[0].muscles.push(MuscleId::new("no-such-muscle"));
    areas[0].missing.push("Soleus".into());
    areas[1].name = areas[0].name.clone();
    exceptions.push(GuideException {
        area: "an area nobody wrote".into(),
        muscle: MuscleId::new("soleus"),
        direction: GuideDirection::GuideOnly,
        reason: String::new(),
    });
    let problems = validate_pain_guides(&atlas, &areas, &exceptions).join("\n");
    for expected in [
        "unknown zone \"head.nowhere\"",
        "unknown muscle \"no-such-muscle\"",
        "the atlas has it now as \"soleus\"",
        "the name is used twice",
        "no area of pain_guides.toml has that name",
        "give a reason",
    ] {
        assert!(problems.contains(expected), "{expected:?} not in:\n{problems}");
    }
}

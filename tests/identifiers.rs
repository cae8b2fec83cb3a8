//! Standard anatomical identifiers (data/identifiers.toml): read into each muscle, bundled,
//! and checked for their form and for two muscles claiming the same FMA term.

mod common;
use common::copy_of_data;
use std::path::Path;
use trigger_atlas::authoring::{load_dir, load_dir_partly};
use trigger_atlas::model::identifiers::Member;
use trigger_atlas::model::{Atlas, Identifiers, MuscleId};

fn shipped() -> Atlas {
    load_dir(Path::new("data")).expect("data/ parses")
}

fn problems(atlas: &Atlas) -> Vec<String> {
    trigger_atlas::model::validate::validate(atlas).iter().map(|p| p.to_string()).collect()
}

fn ids_of<'a>(atlas: &'a Atlas, muscle: &str) -> &'a Identifiers {
    atlas.muscle(&MuscleId::new(muscle)).and_then(|m| m.ids.as_ref()).unwrap_or_else(|| panic!("{muscle} has ids"))
}

fn set_ids(atlas: &mut Atlas, muscle: &str, ids: Identifiers) {
    atlas.muscles.iter_mut().find(|m| m.id.as_str() == muscle).expect("muscle exists").ids = Some(ids);
}

#[test]
fn a_known_muscle_carries_its_ids_through_the_bundle() {
    let atlas = shipped();
    let ta = ids_of(&atlas, "tibialis-anterior");
    assert_eq!(ta.fma.as_deref(), Some("FMA:22532"));
    assert_eq!(ta.uberon.as_deref(), Some("UBERON:0001385"));
    assert_eq!(ta.summary().as_deref(), Some("FMA 22532 · UBERON 0001385"));
    let loaded = Atlas::from_json(&atlas.to_json()).expect("the bundle loads");
    assert_eq!(ids_of(&loaded, "tibialis-anterior"), ta);
    // The app's own bundle has them too (a stale bundle fails tests/data.rs).
    let bundled = std::fs::read_to_string("public/atlas.json").expect("public/atlas.json");
    let bundled = Atlas::from_json(&bundled).expect("the shipped bundle loads");
    assert_eq!(ids_of(&bundled, "tibialis-anterior"), ta);
}

#[test]
fn a_bundle_without_ids_still_loads() {
    let mut atlas = shipped();
    for m in &mut atlas.muscles {
        m.ids = None;
    }
    let json = atlas.to_json();
    assert!(!json.contains("\"ids\""));
    assert!(Atlas::from_json(&json).is_ok());
}

#[test]
fn the_shipped_ids_are_well_formed_and_not_shared() {
    let atlas = shipped();
    assert!(problems(&atlas).is_empty(), "{:#?}", problems(&atlas));
    let with_fma = atlas.muscles.iter().filter(|m| m.ids.as_ref().is_some_and(|i| i.fma.is_some())).count();
    assert!(with_fma >= 106, "only {with_fma} muscles carry an FMA id (106 did when this was written)");
}

#[test]
fn a_malformed_id_is_rejected() {
    let mut atlas = shipped();
    let mut ids = ids_of(&atlas, "soleus").clone();
    ids.fma = Some("FMA22542".into());
    ids.uberon = Some("UBERON:1389".into());
    set_ids(&mut atlas, "soleus", ids);
    let found = problems(&atlas);
    for field in ["ids.fma", "ids.uberon"] {
        assert!(found.iter().any(|p| p.contains("muscle soleus") && p.contains(field)), "{field}: {found:#?}");
    }
}

#[test]
fn two_muscles_may_not_share_an_fma_id_unless_a_group_lists_the_other() {
    let mut atlas = shipped();
    let tibialis = ids_of(&atlas, "tibialis-anterior").clone();
    set_ids(&mut atlas, "soleus", tibialis);
    let found = problems(&atlas);
    assert!(found.iter().any(|p| p.contains("FMA:22532") && p.contains("soleus")), "{found:#?}");

    // A group naming one of our muscles among its members is fine.
    let mut atlas = shipped();
    let minimus = Identifiers { fma: Some("FMA:1234567".into()), ..Default::default() };
    set_ids(&mut atlas, "scalenus-minimus", minimus);
    let mut scalenes = ids_of(&atlas, "scalenes").clone();
    scalenes.members.push(Member { name: "scalenus minimus".into(), fma: Some("FMA:1234567".into()), uberon: None });
    set_ids(&mut atlas, "scalenes", scalenes);
    assert!(problems(&atlas).is_empty(), "{:#?}", problems(&atlas));
}

#[test]
fn an_entry_for_an_unknown_muscle_or_ids_in_a_muscle_file_are_errors() {
    let dir = copy_of_data("ids-unknown");
    let path = dir.join("identifiers.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("[tibialis-anterior]", "[tibialis-anterier]", 1)).unwrap();
    let soleus = dir.join("muscles/soleus.toml");
    let text = std::fs::read_to_string(&soleus).unwrap();
    std::fs::write(&soleus, format!("{text}\n[ids]\nfma = \"FMA:22542\"\n")).unwrap();
    let (_, errors) = load_dir_partly(&dir);
    assert!(
        errors.iter().any(|e| e.contains("tibialis-anterier") && e.contains("did you mean \"tibialis-anterior\"")),
        "{errors:#?}"
    );
    assert!(errors.iter().any(|e| e.contains("soleus.toml") && e.contains("identifiers.toml")), "{errors:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_data_folder_without_the_file_loads() {
    let dir = copy_of_data("ids-absent");
    std::fs::remove_file(dir.join("identifiers.toml")).unwrap();
    let atlas = load_dir(&dir).expect("loads without identifiers.toml");
    assert!(atlas.muscles.iter().all(|m| m.ids.is_none()));
    let _ = std::fs::remove_dir_all(&dir);
}

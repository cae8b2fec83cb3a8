//! Search as a clinician would answer it, on the shipped atlas: a complaint lists the usual
//! suspects first, a muscle's name finds the muscle, typos and small words do not get in the way.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use trigger_atlas::model::{Answer, Atlas, AtlasIndex, MuscleId, Region, Why, ZoneId};

fn loaded() -> (Atlas, AtlasIndex) {
    // As the app loads it: checked, so divided zones are expanded into their parts.
    let atlas = trigger_atlas::authoring::load_dir(Path::new("data")).expect("data/ parses").checked().expect("valid");
    let index = AtlasIndex::new(&atlas);
    (atlas, index)
}

fn ids(answer: &Answer) -> Vec<&str> {
    answer.muscles.iter().map(|f| f.muscle.as_str()).collect()
}

/// Where the muscle comes in the answer, or a failure listing what came instead.
fn rank(answer: &Answer, muscle: &str) -> usize {
    ids(answer).iter().position(|m| *m == muscle).unwrap_or_else(|| panic!("{muscle} not in {:?}", ids(answer)))
}

fn among_first(answer: &Answer, n: usize, muscle: &str) -> bool {
    ids(answer).iter().take(n).any(|m| *m == muscle)
}

#[test]
fn low_back_pain_lists_quadratus_lumborum_first_not_the_alphabet() {
    let (atlas, index) = loaded();
    for q in ["low back pain", "lumbago", "lower back pain"] {
        let a = index.answer(&atlas, q);
        assert!(among_first(&a, 3, "quadratus-lumborum"), "{q}: {:?}", ids(&a));
        assert!(a.places.contains(&ZoneId::new("back.low")), "{q}: {:?}", a.places);
    }
}

#[test]
fn heel_pain_finds_soleus_before_anything_in_the_forearm() {
    let (atlas, index) = loaded();
    for q in ["heel pain in the morning", "heal pain", "heel pain", "plantar fasciitis", "Heel pain at night"] {
        let a = index.answer(&atlas, q);
        let soleus = rank(&a, "soleus");
        assert!(soleus < 3, "{q}: {:?}", ids(&a));
        for before in &a.muscles[..soleus] {
            let region = atlas.muscle(&before.muscle).unwrap().region;
            assert_ne!(region, Region::ForearmHand, "{q}: {:?}", ids(&a));
        }
        // "heal" is heel, not head; "morning" says when, not where: no hand or head places.
        assert!(a.places.iter().all(|z| !z.as_str().starts_with("hand.") && !z.as_str().starts_with("head.")), "{q}: {:?}", a.places);
        assert_eq!(a.places.first(), Some(&ZoneId::new("foot.heel")), "{q}");
    }
}

#[test]
fn shoulder_blade_pain_starts_with_the_muscles_of_the_shoulder_blade() {
    let (atlas, index) = loaded();
    let a = index.answer(&atlas, "shoulder blade pain");
    assert_ne!(ids(&a)[0], "biceps-brachii", "{:?}", ids(&a));
    let usual = ["rhomboids", "levator-scapulae", "serratus-posterior-superior", "infraspinatus", "middle-trapezius", "scalenes"];
    let top: Vec<_> = ids(&a).into_iter().take(5).collect();
    assert!(top.iter().filter(|m| usual.contains(m)).count() >= 4, "{top:?}");
}

#[test]
fn knee_pain_lists_the_thigh_muscles_that_refer_to_the_knee() {
    let (atlas, index) = loaded();
    let a = index.answer(&atlas, "knee pain");
    let thigh = ["vastus-medialis", "vastus-lateralis", "rectus-femoris", "vastus-intermedius", "biceps-femoris", "semimembranosus", "semitendinosus"];
    let top: Vec<_> = ids(&a).into_iter().take(6).collect();
    assert!(top.iter().filter(|m| thigh.contains(m)).count() >= 3, "{top:?}");
    assert!(a.muscles.len() >= 8, "{:?}", ids(&a));
    // Every place of the knee, not one adductor's.
    assert!(a.places.iter().filter(|z| z.as_str().starts_with("knee.")).count() >= 4, "{:?}", a.places);
}

#[test]
fn numbness_in_the_hand_points_to_the_scalenes() {
    let (atlas, index) = loaded();
    for q in ["numbness in hand", "numb fingers", "tingling in my hand"] {
        let a = index.answer(&atlas, q);
        assert_eq!(ids(&a)[0], "scalenes", "{q}: {:?}", ids(&a));
        assert!(among_first(&a, 3, "pectoralis-minor"), "{q}: {:?}", ids(&a));
        assert!(!among_first(&a, 8, "short-lateral-rotators"), "{q}: {:?}", ids(&a));
    }
}

#[test]
fn misspelt_complaints_are_understood() {
    let (atlas, index) = loaded();
    let a = index.answer(&atlas, "sciatca");
    assert!(among_first(&a, 2, "gluteus-minimus") && among_first(&a, 2, "piriformis"), "{:?}", ids(&a));
    let a = index.answer(&atlas, "headake");
    let head = ["upper-trapezius", "sternocleidomastoid", "temporalis", "suboccipitals"];
    let top: Vec<_> = ids(&a).into_iter().take(4).collect();
    assert!(head.iter().all(|m| top.contains(m)), "{top:?}");
    // Short words get no typo tolerance: "arm" is not "ear".
    let a = index.answer(&atlas, "arm");
    assert!(a.places.iter().any(|z| z.as_str().starts_with("arm.")), "{:?}", a.places);
    assert!(!a.places.contains(&ZoneId::new("head.ear")), "{:?}", a.places);
    let a = index.answer(&atlas, "ear");
    assert!(a.places.contains(&ZoneId::new("head.ear")) && a.places.iter().all(|z| !z.as_str().starts_with("arm.")), "{:?}", a.places);
}

#[test]
fn tennis_elbow_lists_the_supinator_and_the_extensors() {
    let (atlas, index) = loaded();
    let a = index.answer(&atlas, "tennis elbow");
    assert_eq!(a.complaint.as_ref().map(|c| c.term.as_str()), Some("tennis elbow"));
    let top: Vec<_> = ids(&a).into_iter().take(4).collect();
    assert!(top.contains(&"supinator"), "{top:?}");
    assert!(top.iter().filter(|m| m.starts_with("extensor-") || **m == "brachioradialis").count() >= 2, "{top:?}");
    assert_eq!(a.places.first(), Some(&ZoneId::new("elbow.outer")));
    // Each muscle says why, in words.
    let why = a.why_text(&atlas, &a.muscles[0]);
    assert!(why.contains("tennis elbow") && why.contains("outside of the elbow"), "{why}");
}

#[test]
fn a_muscle_name_finds_the_muscle_first() {
    let (atlas, index) = loaded();
    let first = |q: &str| index.answer(&atlas, q).muscles.first().map(|f| (f.muscle.clone(), f.why.clone()));
    for (q, m) in [
        ("SCM", "sternocleidomastoid"),
        ("scm", "sternocleidomastoid"),
        ("QL", "quadratus-lumborum"),
        ("soleus", "soleus"),
        ("sternocleidomastiod", "sternocleidomastoid"),
        ("Musculus sternocleidomastoideus", "sternocleidomastoid"),
        ("musculus soleus", "soleus"),
        ("biceps femoris", "biceps-femoris"),
        ("piriformis syndrome", "piriformis"),
    ] {
        assert_eq!(first(q), Some((MuscleId::new(m), Why::Name)), "{q}");
    }
    let a = index.answer(&atlas, "trapezius");
    assert!(ids(&a).iter().take(3).all(|m| m.contains("trapezius")), "{:?}", ids(&a));
    // Every Latin name finds its own muscle first.
    for m in &atlas.muscles {
        let a = index.answer(&atlas, &m.latin);
        assert_eq!(a.muscles.first().map(|f| &f.muscle), Some(&m.id), "{}: {:?}", m.latin, ids(&a));
    }
}

#[test]
fn a_place_is_answered_with_the_muscles_that_refer_there_essential_first() {
    let (atlas, index) = loaded();
    let a = index.answer(&atlas, "pain behind the eye");
    assert_eq!(a.places, [ZoneId::new("face.eye")]);
    assert!(!a.muscles.is_empty());
    let strengths: Vec<_> = a
        .muscles
        .iter()
        .map(|f| match &f.why {
            Why::Refers { strength, .. } => *strength,
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(strengths.windows(2).all(|w| w[0] <= w[1]), "{strengths:?}");
    // The same muscles the pain guide lists for that place, none left out.
    let guide = atlas.referrals_to(&ZoneId::new("face.eye"), trigger_atlas::model::Side::Left);
    assert_eq!(a.muscles.len(), guide.len());
}

#[test]
fn every_complaint_is_understood_by_its_own_words() {
    let (atlas, index) = loaded();
    assert!(atlas.complaints.len() >= 19);
    for c in &atlas.complaints {
        for name in c.names() {
            let a = index.answer(&atlas, name);
            let read = a.complaint.as_ref().map(|c| c.term.as_str());
            // A synonym that is also a muscle's or a place's own name may be read as that.
            if read != Some(c.term.as_str()) {
                assert!(a.complaint.is_none() && (!a.muscles.is_empty() || !a.places.is_empty()), "{name}: {a:?}");
                continue;
            }
            let named: Vec<_> = a.muscles.iter().take(c.muscles.len()).map(|f| &f.muscle).collect();
            assert_eq!(named, c.muscles.iter().collect::<Vec<_>>(), "{name}");
        }
    }
}

#[test]
fn nothing_meaningful_finds_nothing() {
    let (atlas, index) = loaded();
    assert_eq!(index.answer(&atlas, "pain"), Answer::default());
    assert_eq!(index.answer(&atlas, "  "), Answer::default());
}

/// Not a check: prints the answers to the queries for a reviewer,
/// `cargo test --test search -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_answers() {
    let (atlas, index) = loaded();
    for q in [
        "low back pain", "shoulder blade pain", "knee pain", "heel pain in the morning", "heal pain", "numbness in hand",
        "sciatca", "headake", "tennis elbow", "golfer's elbow", "SCM", "QL", "soleus", "pain behind the eye", "hip pain",
        "tinnitus", "dizziness", "stiff neck", "toothache", "earache", "jaw pain", "carpal tunnel", "shin splints",
        "frozen shoulder", "calf cramp",
    ] {
        let a = index.answer(&atlas, q);
        println!("## {q}  (read as: {})", a.complaint.as_ref().map_or("-", |c| c.term.as_str()));
        for f in a.muscles.iter().take(8) {
            println!("   {:<32} {}", f.muscle.as_str(), a.why_text(&atlas, f));
        }
        println!("   places: {}", a.places.iter().map(|z| z.as_str()).collect::<Vec<_>>().join(", "));
    }
}

//! The shipped data: it validates, the bundle the app loads is current, and the linter reports
//! every problem precisely.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::copy_of_data;
use std::path::Path;
use trigger_atlas::authoring::load_dir;
use trigger_atlas::model::{Atlas, LoadError, MuscleId, Side, SourceId, Strength, Texts, ZoneId};
use trigger_atlas::url_state::Selection;

fn shipped() -> Atlas {
    load_dir(Path::new("data")).expect("data/ parses")
}

fn problems(atlas: Atlas) -> Vec<String> {
    match atlas.checked() {
        Ok(_) => vec![],
        Err(LoadError::Invalid(p)) => p.iter().map(|p| p.to_string()).collect(),
        Err(e) => panic!("unexpected {e}"),
    }
}

#[test]
fn shipped_data_validates() {
    let found = problems(shipped());
    assert!(found.is_empty(), "problems in data/:\n{}", found.join("\n"));
}

#[test]
fn the_slice_spans_the_body() {
    let atlas = shipped();
    assert!(atlas.muscles.len() >= 12, "only {} muscles", atlas.muscles.len());
    let regions: std::collections::BTreeSet<_> = atlas.muscles.iter().map(|m| m.region).collect();
    assert!(regions.len() >= 4, "muscles cover only {regions:?}");
    for m in &atlas.muscles {
        for tp in &m.trigger_points {
            assert!(atlas.source(&tp.source).is_some());
        }
    }
}

#[test]
fn bundle_the_app_loads_is_up_to_date() {
    let bundled = std::fs::read_to_string("public/atlas.json").expect("public/atlas.json exists");
    let bundled_texts = std::fs::read_to_string("public/atlas-text.json").expect("public/atlas-text.json exists");
    let (core, texts) = shipped().split_text();
    assert!(
        bundled == core.to_json() && bundled_texts == texts.to_json(),
        "public/atlas.json or atlas-text.json is stale: run `cargo run --bin atlas -- bundle`"
    );
    // The two files together are the data: nothing is lost in the split.
    let loaded = Atlas::from_json(&bundled).expect("the bundle loads");
    let read = Texts::from_json(&bundled_texts, &loaded).expect("its texts load");
    assert_eq!(loaded.with_text(&read), shipped().checked().unwrap());
    // The first file has none of the long texts: they are what the split is for.
    let json: serde_json::Value = serde_json::from_str(&bundled).expect("JSON");
    for m in json["muscles"].as_array().expect("muscles") {
        for field in ["action", "causes", "self_care", "clinician", "red_flags"] {
            assert!(m.get(field).is_none(), "{field} of {} in public/atlas.json", m["id"]);
        }
        for tp in m["trigger_points"].as_array().expect("trigger points") {
            assert!(tp.get("location").is_none(), "a location of {} in public/atlas.json", m["id"]);
        }
    }
}

#[test]
fn texts_that_do_not_belong_to_the_atlas_are_refused_with_a_reason() {
    let (core, texts) = shipped().checked().unwrap().split_text();
    let json = texts.to_json();
    assert_eq!(Texts::from_json(&json, &core).as_ref().map(|t| t.muscles.len()), Ok(core.muscles.len()));
    // A stale copy of either file: another version.
    let mut other = texts.clone();
    other.version = "0000000000000000".into();
    assert!(Texts::from_json(&other.to_json(), &core).unwrap_err().contains("another version"));
    // Cut off on the way.
    assert!(Texts::from_json(&json[..json.len() / 2], &core).unwrap_err().contains("could not be read"));
    // A muscle without its texts, or a trigger point without its location.
    let mut missing = texts.clone();
    let first = core.muscles[0].id.clone();
    missing.muscles.retain(|t| t.id != first);
    let why = Texts::from_json(&missing.to_json(), &core).unwrap_err();
    assert!(why.contains(first.as_str()) && why.contains("no entry"), "{why}");
    let mut no_location = texts.clone();
    no_location.muscles[0].locations.iter_mut().for_each(String::clear);
    assert!(Texts::from_json(&no_location.to_json(), &core).unwrap_err().contains("no location"));
    // A core file is checked without texts; a single file still needs them.
    assert!(core.clone().checked().is_ok());
    let mut bare = shipped();
    bare.muscles[0].causes.clear();
    assert!(problems(bare).iter().any(|p| p.contains("causes")));
}

#[test]
fn an_atlas_that_carries_its_texts_gives_the_same_texts_as_the_split() {
    let atlas = shipped().checked().unwrap();
    let (_, split) = atlas.clone().split_text();
    assert_eq!(Texts::inline(&atlas).muscles, split.muscles);
}

#[test]
fn a_misspelt_zone_is_reported_with_the_likely_fix() {
    let mut atlas = shipped();
    let muscle = &mut atlas.muscles[0];
    let tp_id = muscle.trigger_points[0].full_id(&muscle.id);
    let target = &mut muscle.trigger_points[0].essential[0];
    let real = target.zone.to_string();
    // Drop one letter from the middle of the id, as a hurried typist would.
    let mut typo = real.clone();
    typo.remove(real.len() - 3);
    target.zone = ZoneId::new(typo.clone());
    let found = problems(atlas);
    let expected = format!(
        "trigger point {tp_id}, essential: refers to unknown zone \"{typo}\"; did you mean \"{real}\"?"
    );
    assert!(found.contains(&expected), "{found:#?}\nwanted {expected}");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let mut atlas = shipped();
    atlas.muscles[0].trigger_points[0].source = SourceId::new("no-such-book");
    atlas.muscles[1].trigger_points[0].location = "  ".into();
    atlas.muscles[2].trigger_points[0].essential.clear();
    atlas.muscles[3].trigger_points.clear();
    let dup = atlas.muscles[4].clone();
    atlas.muscles.push(dup);
    let found = problems(atlas.clone()).join("\n");
    for needle in [
        "source: refers to unknown source \"no-such-book\"",
        &format!("trigger point {}/", atlas.muscles[1].id),
        "location: is empty",
        "essential: a trigger point needs at least one essential zone",
        &format!("muscle {}, trigger_points: a muscle needs at least one trigger point", atlas.muscles[3].id),
        &format!("muscle {}, id: is used by another muscle", atlas.muscles[4].id),
    ] {
        assert!(found.contains(needle), "missing {needle:?} in:\n{found}");
    }
}

#[test]
fn the_figure_must_draw_every_zone_and_muscle() {
    let mut atlas = shipped();
    let zone = atlas.zones[0].id.clone();
    for v in &mut atlas.figure.views {
        v.zones.retain(|z| z.zone != zone);
    }
    let found = problems(atlas);
    assert!(found.contains(&format!("zone {zone}, figure: is not drawn on any view")), "{found:#?}");
}

#[test]
fn a_mark_outside_its_muscle_is_reported() {
    let mut atlas = shipped();
    let m = &mut atlas.muscles[0];
    m.trigger_points[0].mark.x = 1.0;
    m.trigger_points[0].mark.y = 1.0;
    let id = m.trigger_points[0].full_id(&m.id);
    let found = problems(atlas).join("\n");
    assert!(found.contains(&format!("trigger point {id}, mark: (1, 1) lies outside the shape")), "{found}");
}

#[test]
fn malformed_files_are_named_as_such() {
    assert!(matches!(Atlas::from_json("{ not json"), Err(LoadError::Malformed(_))));
    let mut atlas = shipped();
    atlas.format = 99;
    let err = Atlas::from_json(&atlas.to_json()).unwrap_err();
    assert!(err.to_string().contains("format 99"), "{err}");
}

#[test]
fn a_bundle_that_does_not_parse_names_the_record_and_field() {
    let bundle = shipped().to_json();
    let mut value: serde_json::Value = serde_json::from_str(&bundle).unwrap();
    let malformed = |v: &serde_json::Value| Atlas::from_json(&v.to_string()).unwrap_err().to_string();
    // A muscle without its Latin name, somewhere in a 600 KB one-line file.
    let soleus = value["muscles"].as_array_mut().unwrap().iter_mut().find(|m| m["id"] == "soleus").unwrap();
    soleus.as_object_mut().unwrap().remove("latin");
    assert!(malformed(&value).contains("muscle soleus: missing field `latin`"), "{}", malformed(&value));
    // Inside a trigger point, the trigger point is named.
    let mut value: serde_json::Value = serde_json::from_str(&bundle).unwrap();
    let tp = &mut value["muscles"].as_array_mut().unwrap().iter_mut().find(|m| m["id"] == "soleus").unwrap()["trigger_points"][1];
    tp["essential"] = serde_json::json!(["foot.heel@sideways"]);
    assert!(malformed(&value).starts_with("the data file is malformed: trigger point soleus/2: "), "{}", malformed(&value));
    // A view with a wrong type of number.
    let mut value: serde_json::Value = serde_json::from_str(&bundle).unwrap();
    value["figure"]["views"][0]["width"] = serde_json::json!("wide");
    assert!(malformed(&value).contains("view front: invalid type"), "{}", malformed(&value));
    // A web page where the data should be says so.
    let page = Atlas::from_json("<!doctype html><html><body>Welcome</body></html>").unwrap_err().to_string();
    assert!(page.contains("web page (HTML)"), "{page}");
}

#[test]
fn pain_in_a_zone_lists_the_muscles_that_refer_there_essential_first() {
    let atlas = shipped();
    // Every referral the data states must be found by the lookup, on the right side.
    for m in &atlas.muscles {
        for tp in &m.trigger_points {
            for t in &tp.essential {
                let midline = atlas.is_midline(&t.zone);
                for side in t.resolve(Side::Left, midline) {
                    let found = atlas.referrals_to(&t.zone, side);
                    assert!(
                        found.iter().any(|r| r.muscle == m.id && r.strength == Strength::Essential),
                        "{} should refer essential pain to {} {side}",
                        tp.full_id(&m.id),
                        t.zone
                    );
                }
            }
        }
    }
    for z in &atlas.zones {
        for &side in z.sides() {
            let list = atlas.referrals_to(&z.id, side);
            assert!(list.windows(2).all(|w| w[0].strength <= w[1].strength), "{} unordered", z.id);
        }
    }
}

#[test]
fn referral_stays_on_the_side_of_the_muscle() {
    let atlas = shipped();
    let trap = atlas.muscle(&MuscleId::new("upper-trapezius")).expect("upper trapezius is in the slice");
    let left = atlas.pattern(trap, Side::Left);
    assert!(left.keys().all(|(_, s)| *s != Side::Right), "left trapezius refers to the right: {left:?}");
    let temple = ZoneId::new("head.temple");
    assert_eq!(left.get(&(temple.clone(), Side::Left)), Some(&Strength::Essential));
    let from_right = atlas.referrals_to(&temple, Side::Right);
    assert!(from_right.iter().any(|r| r.muscle == trap.id && r.side == Side::Right));
}

#[test]
fn the_general_pages_are_there_and_complete() {
    let atlas = shipped();
    for id in ["trigger-points", "causes", "therapy", "see-a-doctor"] {
        let page = atlas.page(id).unwrap_or_else(|| panic!("page {id} is missing"));
        assert!(page.body.len() >= 3, "page {id} is too thin");
    }
    let therapy = atlas.page("therapy").unwrap().body.join(" ");
    assert!(therapy.contains("sore") && therapy.contains("water"), "therapy page must say what to expect afterwards");
    let mut broken = atlas.clone();
    broken.pages[0].body.push(String::new());
    assert!(problems(broken).iter().any(|p| p.starts_with("page trigger-points, body: entry")));
}

#[test]
fn the_pain_guide_is_derived_from_the_trigger_points() {
    let atlas = shipped().checked().unwrap();
    let guide = atlas.pain_guide();
    assert_eq!(guide.len(), atlas.zones.iter().filter(|z| z.parts.is_empty()).count());
    // A zone that some trigger point names has entries; each entry names a real referral.
    let named: std::collections::BTreeSet<_> = atlas
        .muscles
        .iter()
        .flat_map(|m| &m.trigger_points)
        .flat_map(|tp| tp.essential.iter().chain(&tp.spillover))
        .map(|t| t.zone.clone())
        .collect();
    for (zone, referrals) in guide {
        if named.contains(&zone.id) {
            assert!(!referrals.is_empty(), "{} is referred to but the guide lists nothing", zone.id);
        }
        assert!(referrals.windows(2).all(|w| w[0].strength <= w[1].strength));
    }
}

#[test]
fn a_divided_zone_in_the_data_or_a_link_means_all_of_its_parts() {
    let authored = shipped();
    let atlas = authored.clone().checked().unwrap();
    let outer = ZoneId::new("thigh.outer");
    let parts = atlas.zone(&outer).unwrap().parts.clone();
    assert_eq!(parts.len(), 2, "the outside of the thigh is drawn as an upper and a lower half");
    // Vastus lateralis names the whole; once loaded its pattern covers both halves, and its
    // page reads as the data was written.
    let tp = |a: &Atlas| a.muscle(&MuscleId::new("vastus-lateralis")).unwrap().trigger_points[2].clone();
    let (written, loaded) = (tp(&authored), tp(&atlas));
    assert!(written.essential.iter().any(|t| t.zone == outer));
    assert!(loaded.essential.iter().all(|t| t.zone != outer));
    assert!(parts.iter().all(|p| loaded.essential.iter().any(|t| &t.zone == p)));
    assert_eq!(atlas.collapsed(&loaded.essential), written.essential);
    // An old link to the whole opens a drawing of its parts, on the same side.
    let link = Selection::from_query("?zone=thigh.outer&side=left");
    let expected: Vec<_> = parts.iter().map(|p| (p.clone(), Side::Left)).collect();
    assert_eq!(link.with_parts(&atlas), Some(Selection::Drawing { zones: expected }));
    assert_eq!(Selection::from_query("?zone=head.temple&side=left").with_parts(&atlas), None);
    // Every divided zone is covered exactly by its parts on the figure: no part is missing.
    let drawn: std::collections::HashSet<_> =
        atlas.figure.views.iter().flat_map(|v| v.zones.iter().map(|z| &z.zone)).collect();
    for z in atlas.zones.iter().filter(|z| !z.parts.is_empty()) {
        assert!(!drawn.contains(&z.id), "{} is divided but drawn whole", z.id);
        assert!(z.parts.iter().all(|p| drawn.contains(p)), "a part of {} is not drawn", z.id);
    }
}

#[test]
fn every_drawn_zone_of_the_left_arm_and_the_chest_carries_the_heart_caution() {
    // Checked against the zones the figure draws, so a zone divided or added later cannot slip
    // out of the caution (it once did, when the arm's zones were split into parts).
    use trigger_atlas::safety::caution;
    let atlas = shipped();
    let drawn: std::collections::BTreeSet<_> =
        atlas.figure.views.iter().flat_map(|v| v.zones.iter().map(|z| z.zone.clone())).collect();
    let arm = ["arm.", "elbow.", "forearm.", "wrist.", "hand.", "shoulder.front", "shoulder.outer", "shoulder.back"];
    let mut checked = 0;
    for zone in &drawn {
        let id = zone.as_str();
        if arm.iter().any(|p| id.starts_with(p)) {
            assert!(caution(zone, Side::Left).is_some_and(|c| c.kind == "heart"), "left {id} has no heart caution");
            assert!(caution(zone, Side::Right).is_none_or(|c| c.kind != "heart"), "right {id} warns of the heart");
            checked += 1;
        }
        if id.starts_with("chest.") {
            assert!(caution(zone, Side::Right).is_some_and(|c| c.kind == "heart"), "{id} has no heart caution");
        }
    }
    assert!(checked >= 40, "only {checked} arm zones found");
}

#[test]
fn sizes_and_coordinates_the_app_computes_with_must_be_real_numbers_in_range() {
    // A view of negative or infinite size used to load, and the first zoom then panicked.
    let mut broken = shipped();
    broken.figure.views[0].height = -500.0;
    broken.figure.views[1].width = f32::INFINITY;
    broken.figure.views[2].zones[0].points[0] = [f32::NAN, 10.0];
    broken.figure.views[2].outline[3] = [1e30, 10.0];
    broken.muscles[0].trigger_points[0].mark.x = f32::NAN;
    let found = problems(broken);
    let has = |start: &str, text: &str| found.iter().any(|p| p.starts_with(start) && p.contains(text));
    let (v0, v1, v2) = {
        let a = shipped();
        (a.figure.views[0].id.as_str(), a.figure.views[1].id.as_str(), a.figure.views[2].id.as_str())
    };
    assert!(has(&format!("{v0} view, height"), "not -500"), "{found:#?}");
    assert!(has(&format!("{v1} view, width"), "not inf"), "{found:#?}");
    assert!(has(&format!("{v2} view, zones[0]"), "NaN"), "{found:#?}");
    assert!(has(&format!("{v2} view, outline"), "1000000000000000000000000000000"), "{found:#?}");
    assert!(found.iter().any(|p| p.contains(", mark: (NaN,")), "{found:#?}");
}

/// A muscle listed in data/figure/outlines.toml (generated: its outline derived from one region
/// of the body surface) is drawn with those shapes; every other muscle with its authored ones.
#[test]
fn derived_outlines_replace_the_authored_shapes_of_the_muscles_they_list() {
    let text = std::fs::read_to_string("data/figure/outlines.toml").expect("outlines.toml");
    let file: toml::Table = toml::from_str(&text).expect("outlines.toml parses");
    let derived = file["outlines"].as_table().expect("[outlines]");
    assert!(!derived.is_empty(), "no muscle takes its outline from the body surface");
    // the first point of a muscle's first shape, as written in a TOML array of { view, points }
    let first = |shapes: &toml::Value| -> [f32; 2] {
        let p = shapes[0]["points"][0].as_array().unwrap();
        let num = |v: &toml::Value| v.as_float().or(v.as_integer().map(|i| i as f64)).unwrap() as f32;
        [num(&p[0]), num(&p[1])]
    };
    let atlas = shipped();
    for m in &atlas.muscles {
        let path = format!("data/muscles/{}.toml", m.id.as_str());
        let authored: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let own = m.shapes[0].points[0];
        match derived.get(m.id.as_str()) {
            Some(shapes) => assert_eq!(own, first(shapes), "{} takes its shapes from outlines.toml", m.id),
            None => assert_eq!(own, first(&authored["shapes"]), "{} keeps its authored shapes", m.id),
        }
    }
}

#[test]
fn a_syntax_error_in_one_file_does_not_hide_the_problems_of_the_others() {
    let dir = copy_of_data("syntax");
    let edit = |file: &str, from: &str, to: &str| {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit("muscles/soleus.toml", "name = \"Soleus\"", "name = \"Soleus");
    edit("muscles/temporalis.toml", "\"head.temple\"", "\"head.tmple\"");
    let (atlas, unread) = trigger_atlas::authoring::load_dir_partly(&dir);
    assert!(unread.iter().any(|e| e.contains("soleus.toml") && e.contains("parse error")), "{unread:?}");
    assert!(atlas.muscle(&MuscleId::new("temporalis")).is_some(), "the readable files are loaded");
    let found = problems(atlas);
    assert!(found.iter().any(|p| p.contains("temporalis") && p.contains("head.tmple")), "{found:#?}");
    assert!(trigger_atlas::authoring::load_dir(&dir).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_drawing_ranks_the_muscles_that_explain_it_best() {
    let atlas = shipped();
    let trap = atlas.muscle(&MuscleId::new("upper-trapezius")).unwrap();
    // Draw exactly the essential zones of the left upper trapezius's first trigger point.
    let drawing: Vec<_> = trap.trigger_points[0].essential.iter().map(|t| (t.zone.clone(), Side::Left)).collect();
    let index = trigger_atlas::model::AtlasIndex::new(&atlas);
    let ranked = index.rank_drawing(&atlas, &drawing);
    assert_eq!(ranked[0].muscle, trap.id, "{ranked:#?}");
    assert_eq!(ranked[0].side, Side::Left);
    assert_eq!(ranked[0].covered.len(), drawing.len());
    assert!(ranked.windows(2).all(|w| w[0].percent >= w[1].percent));
    assert!(ranked.iter().all(|c| c.percent <= 100));
    assert!(index.rank_drawing(&atlas, &[]).is_empty());
    // The drawing is exactly one essential pattern: the best candidate covers it all, as
    // essential, and a candidate explaining only one of the zones scores clearly less.
    let best = &ranked[0];
    assert!(best.covered.iter().all(|(_, _, s)| *s == Strength::Essential));
    let partial = ranked.iter().find(|c| c.covered.len() == 1).expect("some muscle covers one zone");
    assert!(partial.percent * 2 <= best.percent, "{partial:?} vs {best:?}");
}

#[test]
fn search_understands_how_people_speak() {
    let atlas = shipped();
    let index = trigger_atlas::model::AtlasIndex::new(&atlas);
    let first = |q: &str| index.search(q).first().map(|h| h.target.clone());
    use trigger_atlas::model::search::Target;
    assert_eq!(first("SCM"), Some(Target::Muscle(MuscleId::new("sternocleidomastoid"))));
    let trapezius: Vec<_> = index.search("trapezuis").into_iter().take(3).map(|h| h.label).collect();
    assert!(trapezius.iter().all(|l| l.contains("trapezius")), "{trapezius:?}");
    assert!(trapezius.contains(&"Upper trapezius".to_string()));
    assert_eq!(first("pain behind the eye"), Some(Target::Zone(ZoneId::new("face.eye"))));
    assert_eq!(first("headache on top of my head"), Some(Target::Zone(ZoneId::new("head.vertex"))));
    assert_eq!(first("tennis elbow"), Some(Target::Zone(ZoneId::new("elbow.outer"))));
    let heel = index.search("heel pain in the morning");
    assert!(matches!(&heel[0].target, Target::Zone(z) if z.as_str().contains("heel")), "{heel:?}");
    assert!(index.search("pain").is_empty());
}

#[test]
fn a_muscle_links_to_its_associated_and_related_muscles() {
    let atlas = shipped();
    let trap = atlas.muscle(&MuscleId::new("upper-trapezius")).unwrap();
    assert!(!trap.associated.is_empty(), "upper trapezius should list associated muscles");
    // Related muscles share at least one essential zone, most shared first.
    let related = atlas.related(trap);
    assert!(!related.is_empty());
    assert!(related.windows(2).all(|w| w[0].1 >= w[1].1));
    assert!(related.iter().all(|(id, _)| id != &trap.id));
    let mut broken = atlas.clone();
    broken.muscles[0].associated.push(MuscleId::new("upper-trapezuis"));
    let found = problems(broken).join("\n");
    assert!(found.contains("associated: refers to unknown muscle \"upper-trapezuis\"; did you mean \"upper-trapezius\"?"), "{found}");
}

#[test]
fn the_exported_figure_shows_the_pattern_marks_and_caveat() {
    use trigger_atlas::highlight::Highlight;
    use trigger_atlas::url_state::Selection;
    let atlas = shipped();
    let selection = Selection::Muscle { id: MuscleId::new("soleus"), side: Side::Right };
    let highlight = Highlight::of(&atlas, &selection);
    let svg = trigger_atlas::export::figure_svg(&atlas, &highlight, "Soleus & its <pattern>");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("Soleus &amp; its &lt;pattern&gt;"), "title must be escaped");
    let essential = highlight.zones.values().filter(|s| **s == Strength::Essential).count();
    assert!(essential > 0);
    // The essential area is drawn as one shape per view that shows it, not one piece per zone:
    // fewer shapes than essential zone shapes, and no more than the views in the document.
    let views = svg.matches("patient's right on the").count();
    let pieces: usize = atlas
        .figure
        .views
        .iter()
        .flat_map(|v| v.zone_instances())
        .filter(|(z, s, _)| highlight.zones.get(&((*z).clone(), *s)) == Some(&Strength::Essential))
        .count();
    let shapes = svg.matches("fill=\"#c2410c\" stroke=\"#7c2d12\" stroke-width=\"0.6\"").count();
    assert!(shapes >= 1 && shapes <= views, "{shapes} essential shapes on {views} views");
    assert!(shapes < pieces, "{shapes} essential shapes for {pieces} essential zone shapes: not merged");
    assert_eq!(svg.matches("stroke=\"#111\"").count(), highlight.marks.len(), "one X per trigger point");
    assert!(svg.contains("A reference, not a diagnosis"));
    // The soles are included only when something is shown on them: soleus's heel pain is,
    // upper trapezius's head and neck pain is not.
    assert!(svg.contains("Soles:"));
    let trapezius = Highlight::of(&atlas, &Selection::Muscle { id: MuscleId::new("upper-trapezius"), side: Side::Right });
    assert!(!trigger_atlas::export::figure_svg(&atlas, &trapezius, "x").contains("Soles:"));
    let foot = Highlight::of(&atlas, &Selection::Zone { id: ZoneId::new("foot.ball"), side: Side::Left });
    assert!(trigger_atlas::export::figure_svg(&atlas, &foot, "x").contains("Soles:"));
}

#[test]
fn complaints_name_known_places_muscles_and_chapters() {
    let mut atlas = shipped();
    assert!(atlas.complaints.iter().any(|c| c.term == "tennis elbow"));
    let c = &mut atlas.complaints[0];
    let term = c.term.clone();
    c.zones.push(ZoneId::new("elbow.outter"));
    c.muscles.push(MuscleId::new("supinatr"));
    c.sources.push(SourceId::new("ts-v1-ch99"));
    let mut twin = atlas.complaints[1].clone();
    twin.synonyms.push(term.clone());
    atlas.complaints[1] = twin;
    let found = problems(atlas).join("\n");
    for needle in [
        format!("complaint \"{term}\", zones: refers to unknown zone \"elbow.outter\"; did you mean \"elbow.outer\"?"),
        format!("complaint \"{term}\", muscles: refers to unknown muscle \"supinatr\"; did you mean \"supinator\"?"),
        format!("complaint \"{term}\", sources: refers to unknown source \"ts-v1-ch99\""),
        format!("also names complaint \"{term}\""),
    ] {
        assert!(found.contains(&needle), "{found}\nwanted {needle}");
    }
}

#[test]
fn a_link_comparing_an_unknown_muscle_compares_the_others() {
    let atlas = shipped().checked().unwrap();
    let ids = |s: &[&str]| s.iter().map(|m| MuscleId::new(*m)).collect::<Vec<_>>();
    let link = Selection::from_query("?compare=soleus,GASTROCNEMIUS,no-such-muscle");
    let resolved = link.resolved(&atlas).expect("the unknown muscle is dropped");
    assert_eq!(resolved, Selection::Compare { muscles: ids(&["soleus", "gastrocnemius"]) });
    assert_eq!(resolved.not_found(&atlas), None);
    assert_eq!(resolved.resolved(&atlas), None, "resolving twice changes nothing");
    // All unknown: the link is left as it is, and says what it names that we do not have.
    let unknown = Selection::from_query("?compare=nope,nada");
    assert_eq!(unknown.resolved(&atlas), None);
    assert!(unknown.not_found(&atlas).unwrap().contains("nope"));
    // A muscle link in capitals opens the muscle.
    assert_eq!(Selection::from_query("?muscle=SOLEUS").not_found(&atlas), None);
    // Divided zones still become their parts.
    assert!(Selection::from_query("?zone=thigh.outer&side=left").resolved(&atlas).is_some());
}

/// A comparison is saved as one document: each muscle's views under its name, every trigger
/// point of each, one key and caveat, and no clip path shared between them.
#[test]
fn a_saved_comparison_shows_each_muscle_under_its_name() {
    use trigger_atlas::highlight::Highlight;
    use trigger_atlas::url_state::Selection;
    let atlas = shipped();
    let panels: Vec<(String, Highlight)> = ["quadratus-lumborum", "gluteus-medius", "piriformis"]
        .iter()
        .map(|id| {
            let m = atlas.muscle(&MuscleId::new(*id)).unwrap();
            (m.name.clone(), Highlight::of(&atlas, &Selection::Muscle { id: m.id.clone(), side: Side::Midline }))
        })
        .collect();
    let svg = trigger_atlas::export::comparison_svg(&atlas, &panels);
    assert_eq!(svg.matches("<svg").count(), 1);
    assert!(svg.contains("Compared: Quadratus lumborum, Gluteus medius, Piriformis"));
    for (name, h) in &panels {
        assert!(svg.contains(&format!(">{name}</text>")), "{name} heads its panel");
        assert!(!h.marks.is_empty());
    }
    let marks: usize = panels.iter().map(|(_, h)| h.marks.len()).sum();
    assert_eq!(svg.matches("stroke=\"#111\"").count(), marks, "one X per trigger point of each muscle");
    assert_eq!(svg.matches("A reference, not a diagnosis").count(), 1);
    let ids: Vec<&str> = svg.split("<clipPath id=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "clip path ids repeat");
}

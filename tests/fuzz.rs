//! Property tests ("fuzzing") of what the app reads from outside: the data file and the link.
//! Arbitrary bytes, arbitrary JSON of roughly the right shape, and damaged copies of the real
//! `public/atlas.json` (cut short, a byte flipped, a number made NaN, huge or negative, a field
//! removed) must never panic: they load, or they fail with a message that names something.
//! Arbitrary query strings must never panic the link parser, nor the messages and expansions the
//! app derives from the selection. Case counts are kept small so `cargo test` stays quick.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;
use trigger_atlas::model::{Atlas, AtlasIndex, LoadError};
use trigger_atlas::url_state::Selection;

/// The shipped bundle, read once.
fn real() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| std::fs::read_to_string("public/atlas.json").expect("public/atlas.json"))
}

/// The shipped bundle, parsed once and validated (it is the data the app loads).
fn real_atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| Atlas::from_json(real()).expect("the shipped bundle loads"))
}

/// Byte spans of every number in the bundle (outside strings).
fn numbers() -> &'static [(usize, usize)] {
    static SPANS: OnceLock<Vec<(usize, usize)>> = OnceLock::new();
    SPANS.get_or_init(|| {
        let b = real().as_bytes();
        let (mut out, mut i) = (Vec::new(), 0);
        while i < b.len() {
            match b[i] {
                b'"' => {
                    i += 1;
                    while b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                }
                b'-' | b'0'..=b'9' => {
                    let start = i;
                    while i < b.len() && matches!(b[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                        i += 1;
                    }
                    out.push((start, i));
                }
                _ => i += 1,
            }
        }
        out
    })
}

/// One step into a JSON value.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every (object, key) of the bundle, as the path to the object and the key.
fn fields() -> &'static [(Vec<Step>, String)] {
    static FIELDS: OnceLock<Vec<(Vec<Step>, String)>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        fn walk(v: &Value, path: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, String)>) {
            match v {
                Value::Object(map) => {
                    for (k, child) in map {
                        out.push((path.clone(), k.clone()));
                        path.push(Step::Key(k.clone()));
                        walk(child, path, out);
                        path.pop();
                    }
                }
                Value::Array(items) => {
                    for (i, child) in items.iter().enumerate() {
                        path.push(Step::Index(i));
                        walk(child, path, out);
                        path.pop();
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(&serde_json::from_str(real()).expect("JSON"), &mut Vec::new(), &mut out);
        out
    })
}

fn at<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

/// Load a damaged copy of the real bundle as the app does, and check the outcome: a loaded atlas
/// can be indexed, and an error says what is wrong and where (which record, or which field).
fn load(text: &str) -> Result<(), String> {
    load_checking(text, names_something)
}

/// Load an arbitrary text: an error may also just say what was expected where ("invalid type:
/// null, expected struct Atlas"), since such a text has no records to name.
fn load_any(text: &str) -> Result<(), String> {
    load_checking(text, |m| names_something(m) || m.contains("expected"))
}

fn load_checking(text: &str, names_something: fn(&str) -> bool) -> Result<(), String> {
    match Atlas::from_json(text) {
        Ok(atlas) => {
            AtlasIndex::new(&atlas);
            Ok(())
        }
        Err(LoadError::Invalid(problems)) => {
            assert!(!problems.is_empty(), "an invalid atlas lists its problems");
            for p in &problems {
                assert!(!p.record.is_empty() && !p.field.is_empty() && !p.message.is_empty(), "{p:?}");
            }
            Err(LoadError::Invalid(problems).to_string())
        }
        Err(e @ LoadError::Malformed(_)) => {
            let message = e.to_string();
            assert!(names_something(&message), "the message names nothing: {message}");
            Err(message)
        }
    }
}

/// A malformed-file message says what kind of damage it is, or which field or record is wrong.
fn names_something(message: &str) -> bool {
    ["not valid JSON", "web page", "format", "`", "muscle ", "zone ", "source ", "page ", "view ", "trigger point "]
        .iter()
        .any(|w| message.contains(w))
}

/// A JSON value of roughly the atlas's shape: the atlas's own keys, small numbers and strings.
fn json_value() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "format", "sources", "zones", "muscles", "figure", "pages", "id", "name", "views", "side", "x", "y",
        "trigger_points", "referrals", "zone", "strength", "latin", "region", "shapes", "width", "height",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(Value::from(1)),
        "[a-z.-]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

/// Values a careless edit or a broken tool might leave where a number belongs.
const BAD_NUMBERS: &[&str] = &[
    "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e308", "-1e308", "-1", "-0.0", "0", "4294967296",
    "18446744073709551616", "-9223372036854775809", "1e-320", "0.5", "99999999",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        prop_assert!(load_any(&text).is_err());
    }

    #[test]
    fn arbitrary_json_of_the_atlas_shape_never_panics(mut v in json_value(), format in prop::bool::ANY) {
        // Half the time the format is right, so parsing goes past the first check.
        if let (true, Value::Object(map)) = (format, &mut v) {
            map.insert("format".into(), Value::from(1));
        }
        let _ = load_any(&v.to_string());
    }

    #[test]
    fn html_and_json_punctuation_never_panic(text in r#"[<>{}\[\]":,a-z0-9 .\\-]{0,300}"#) {
        let _ = load_any(&text);
    }
}

proptest! {
    // Each case parses and validates the whole 650 KB bundle: few cases.
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_truncated_bundle_is_refused_as_broken_json(cut in 0.0..1.0f64) {
        let text = real();
        let mut end = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let message = load(&text[..end]).expect_err("a cut-off file does not load");
        prop_assert!(message.contains("not valid JSON"), "{}", message);
    }

    #[test]
    fn a_flipped_byte_never_panics(at in any::<prop::sample::Index>(), flip in 1..=255u8) {
        let mut bytes = real().as_bytes().to_vec();
        let i = at.index(bytes.len());
        bytes[i] ^= flip;
        let _ = load(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn a_bad_number_never_panics(which in any::<prop::sample::Index>(), bad in prop::sample::select(BAD_NUMBERS)) {
        let (start, end) = numbers()[which.index(numbers().len())];
        let text = real();
        let _ = load(&format!("{}{}{}", &text[..start], bad, &text[end..]));
    }

    #[test]
    fn several_bad_numbers_never_panic(
        picks in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(BAD_NUMBERS)), 1..40)
    ) {
        // Only numbers JSON allows, so the damage reaches the validator.
        let mut spans: Vec<((usize, usize), &str)> = picks
            .iter()
            .filter(|(_, bad)| bad.starts_with(|c: char| c == '-' || c.is_ascii_digit()))
            .map(|(i, bad)| (numbers()[i.index(numbers().len())], *bad))
            .collect();
        spans.sort_by_key(|((start, _), _)| std::cmp::Reverse(*start));
        spans.dedup_by_key(|((start, _), _)| *start);
        let mut text = real().to_string();
        for ((start, end), bad) in spans {
            text.replace_range(start..end, bad);
        }
        let _ = load(&text);
    }

    #[test]
    fn a_removed_field_never_panics(which in any::<prop::sample::Index>()) {
        let (path, key) = &fields()[which.index(fields().len())];
        let mut v: Value = serde_json::from_str(real()).unwrap();
        at(&mut v, path).as_object_mut().unwrap().remove(key);
        if let Err(message) = load(&v.to_string()) {
            prop_assert!(!message.is_empty());
        }
    }

    #[test]
    fn a_field_of_the_wrong_type_never_panics(which in any::<prop::sample::Index>(), value in json_value()) {
        let (path, key) = &fields()[which.index(fields().len())];
        let mut v: Value = serde_json::from_str(real()).unwrap();
        at(&mut v, path)[key.as_str()] = value;
        let _ = load(&v.to_string());
    }
}

/// Query strings made of the parser's own keys, separators and escapes, and anything else.
fn query() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec!["muscle", "zone", "side", "page", "compare", "draw", "utm", ""]);
    let value = r"([a-z.:,+-]|left|right|midline|soleus|head\.temple|%[0-9a-fA-F]{2}|%[g-z]?|\PC){0,16}";
    prop::collection::vec((key, value, prop::bool::ANY), 0..6).prop_map(|pairs| {
        let items: Vec<String> =
            pairs.into_iter().map(|(k, v, eq)| if eq { format!("{k}={v}") } else { format!("{k}{v}") }).collect();
        format!("?{}", items.join("&"))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_query_string_parses_without_panic(q in prop_oneof![query(), "\\PC{0,64}", ".{0,64}"]) {
        let atlas = real_atlas();
        let selection = Selection::from_query(&q);
        // What the app does with a link: say what it names that we lack, expand divided zones,
        // and write the link back.
        let _ = selection.not_found(atlas);
        let _ = selection.with_parts(atlas);
        let again = Selection::from_query(&selection.to_query());
        let _ = again.not_found(atlas);
    }
}

//! How a list of points is written in the bundled JSON: one string of numbers, x and y in turn
//! ("100 7.3 105 7.7"). The app parses that string with a few lines of integer arithmetic,
//! where an array of arrays went through the JSON parser's float reading point by point: the
//! coordinates were nearly half the time the app took to read the data file, on the phone's
//! path to the first picture. The authored TOML keeps arrays of `[x, y]`, which are read too.
//!
//! Use on a field: `#[serde(with = "super::points")]`.

use super::geometry::Point;
use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt::{self, Write};

pub fn serialize<S: Serializer>(points: &[Point], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&write(points))
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Point>, D::Error> {
    deserializer.deserialize_any(PointsVisitor)
}

/// The string form: each coordinate as the shortest decimal that reads back as the same number.
pub fn write(points: &[Point]) -> String {
    let mut out = String::with_capacity(points.len() * 12);
    for (i, p) in points.iter().enumerate() {
        let sep = if i == 0 { "" } else { " " };
        let _ = write!(out, "{sep}{} {}", p[0], p[1]);
    }
    out
}

/// Read the string form. Numbers are plain decimals (`-12.5`, `300`) separated by spaces;
/// anything else, or an x without its y, is an error that names what was found.
pub fn read(text: &str) -> Result<Vec<Point>, String> {
    let bytes = text.as_bytes();
    let mut points = Vec::with_capacity(bytes.len() / 10);
    let mut at = 0;
    let mut x = None;
    while at < bytes.len() {
        if bytes[at].is_ascii_whitespace() {
            at += 1;
            continue;
        }
        let end = bytes[at..].iter().position(u8::is_ascii_whitespace).map_or(bytes.len(), |n| at + n);
        // A word that is not a plain decimal is named, as written, in the error.
        let v = decimal(&bytes[at..end]).ok_or_else(|| not_a_number(&text[at..end]))?;
        match x.take() {
            None => x = Some(v),
            Some(x) => points.push([x, v]),
        }
        at = end;
    }
    match x {
        Some(_) => Err("a point list ends with an x and no y".to_string()),
        None => Ok(points),
    }
}

fn not_a_number(word: &str) -> String {
    format!("a point list has \"{word}\" where a coordinate should be")
}

/// Exact powers of ten, for the digits after the point.
const TENS: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/// `-?digits(.digits)?` with at most 15 digits, so that the digits are an exact integer in
/// an `f64` and one division by an exact power of ten rounds the value correctly, as the JSON
/// parser does.
fn decimal(word: &[u8]) -> Option<f32> {
    let (negative, unsigned) = match word.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, word),
    };
    let mut n: u64 = 0;
    let (mut digits, mut fraction, mut point) = (0usize, 0usize, false);
    for &b in unsigned {
        match b {
            b'0'..=b'9' => {
                n = n * 10 + u64::from(b - b'0');
                digits += 1;
                fraction += usize::from(point);
            }
            b'.' if !point && digits > 0 => point = true,
            _ => return None,
        }
        if digits > 15 {
            return None;
        }
    }
    if digits == 0 || (point && fraction == 0) {
        return None;
    }
    let value = n as f64 / TENS[fraction];
    Some((if negative { -value } else { value }) as f32)
}

struct PointsVisitor;

impl<'de> Visitor<'de> for PointsVisitor {
    type Value = Vec<Point>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of [x, y] points, or a string of numbers")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Vec<Point>, E> {
        read(text).map_err(E::custom)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Point>, A::Error> {
        let mut points = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(p) = seq.next_element::<Point>()? {
            points.push(p);
        }
        Ok(points)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_read_back_as_written() {
        let points = vec![[100.0, 7.3], [155.79, 455.07], [-2.5, 0.0], [1.03, 495.84], [0.1, 1e-3]];
        assert_eq!(write(&points[..2]), "100 7.3 155.79 455.07");
        assert_eq!(read(&write(&points)).unwrap(), points);
        assert_eq!(read("").unwrap(), Vec::<Point>::new());
    }

    #[test]
    fn a_coordinate_reads_as_the_json_parser_reads_it() {
        for word in ["7.3", "155.79", "0.1", "123456.789", "-0.05", "99999.99"] {
            let json: f32 = serde_json::from_str(word).unwrap();
            assert_eq!(decimal(word.as_bytes()), Some(json), "{word}");
        }
    }

    #[test]
    fn anything_but_plain_decimals_is_refused_by_name() {
        for bad in ["1 2 x 3", "1 2 3", "1e3 2", "1. 2", ".5 2", "- 2", "1 NaN", "1234567890123456 2"] {
            let err = read(bad).unwrap_err();
            assert!(err.starts_with("a point list"), "{bad}: {err}");
        }
        assert!(read("1 2 x 3").unwrap_err().contains("\"x\""));
    }

    #[test]
    fn both_forms_deserialise() {
        #[derive(serde::Deserialize)]
        struct Shape {
            #[serde(with = "super")]
            points: Vec<Point>,
        }
        let from_string: Shape = serde_json::from_str(r#"{"points": "1 2 3.5 4"}"#).unwrap();
        let from_arrays: Shape = serde_json::from_str(r#"{"points": [[1, 2], [3.5, 4]]}"#).unwrap();
        assert_eq!(from_string.points, from_arrays.points);
        let err = serde_json::from_str::<Shape>(r#"{"points": "1 2 3"}"#).err().unwrap();
        assert!(err.to_string().contains("ends with an x"), "{err}");
    }
}

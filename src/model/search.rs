//! Search as people speak: muscle names, Latin names, abbreviations, zone names and aliases,
//! and everyday complaints, tolerant of typos.

use super::ids::{MuscleId, ZoneId};
use super::suggest::edit_distance;

#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Muscle(MuscleId),
    Zone(ZoneId),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: Target,
    /// What matched, to show: the muscle or zone name.
    pub label: String,
    pub score: f32,
}

/// Words that carry no meaning in a complaint.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "at", "i", "in", "is", "it", "my", "of", "on", "the", "to", "when", "with",
    "pain", "painful", "hurts", "hurt", "hurting", "ache", "aches", "aching", "sore", "like",
    "feels", "feel", "have", "got", "morning", "night", "bad", "really",
];

pub(crate) fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How well one query word matches one document word, 0 to 1.
fn word_match(q: &str, d: &str) -> f32 {
    if q == d {
        return 1.0;
    }
    let (ql, dl) = (q.chars().count(), d.chars().count());
    if ql >= 3 && d.starts_with(q) {
        return 0.8;
    }
    // "headache" mentions "head"; "shoulders" mentions "shoulder".
    if dl >= 4 && q.starts_with(d) {
        return 0.6;
    }
    // Typos: only worth computing when the lengths are close enough to be within reach.
    if ql < 4 || ql.abs_diff(dl) > 2 {
        return 0.0;
    }
    match (edit_distance(q, d), ql) {
        (1, 4..) => 0.7,
        (2, 7..) => 0.5,
        _ => 0.0,
    }
}

/// A document's score: the mean over query words of the word's best match in the document, and
/// a small penalty for each meaningful document word the query did not mention, so "heel"
/// prefers the zone called "heel" to one called "bottom of the heel". `matches[q][w]` is how
/// well query word q matches vocabulary word w.
fn score(matches: &[Vec<f32>], stop: &[bool], doc: &[u32]) -> (f32, f32) {
    let total: f32 = matches
        .iter()
        .map(|m| doc.iter().map(|&w| m[w as usize]).fold(0.0, f32::max))
        .sum();
    let unmatched = doc
        .iter()
        .filter(|&&w| !stop[w as usize] && matches.iter().all(|m| m[w as usize] == 0.0))
        .count();
    (total / matches.len() as f32, 0.02 * unmatched.min(5) as f32)
}

/// Score every document against the query; muscles' symptom and note words count 60%.
pub(crate) fn search_documents(docs: &[super::index::Document], vocabulary: &[String], query: &str) -> Vec<Hit> {
    let query: Vec<String> = words(query).into_iter().filter(|w| !STOPWORDS.contains(&w.as_str())).collect();
    if query.is_empty() {
        return Vec::new();
    }
    // Compare each query word with each distinct word once; documents then only look up.
    let matches: Vec<Vec<f32>> = query.iter().map(|q| vocabulary.iter().map(|w| word_match(q, w)).collect()).collect();
    let stop: Vec<bool> = vocabulary.iter().map(|w| STOPWORDS.contains(&w.as_str())).collect();
    let mut hits = Vec::new();
    for doc in docs {
        let (mut best, mut penalty) = doc
            .names
            .iter()
            .map(|n| score(&matches, &stop, n))
            .fold((0.0, 0.0), |a, b| if b.0 - b.1 > a.0 - a.1 { b } else { a });
        if best < 0.5 && !doc.extra.is_empty() {
            let extra = 0.6 * score(&matches, &stop, &doc.extra).0;
            if extra > best {
                (best, penalty) = (extra, 0.0);
            }
        }
        if best >= 0.45 {
            hits.push(Hit { target: doc.target.clone(), label: doc.label.clone(), score: best - penalty });
        }
    }
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.label.cmp(&b.label)));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_and_prefixes_match() {
        assert_eq!(word_match("trapezius", "trapezius"), 1.0);
        assert!(word_match("trapezuis", "trapezius") > 0.0);
        assert!(word_match("trap", "trapezius") > 0.0);
        assert!(word_match("headache", "head") > 0.0);
        assert_eq!(word_match("arm", "ear"), 0.0);
    }
}

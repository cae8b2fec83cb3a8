//! Matching words as people type them: muscle names, Latin names, abbreviations, zone names and
//! aliases, and everyday complaints, tolerant of typos. Scores documents; `answer` turns the
//! scores into what a clinician would list.

use super::ids::{MuscleId, ZoneId};
use super::suggest::edit_distance;

#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Muscle(MuscleId),
    Zone(ZoneId),
    /// A complaint, by its position in `Atlas::complaints`.
    Complaint(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: Target,
    /// What matched, to show: the muscle or zone name.
    pub label: String,
    pub score: f32,
}

/// Words that carry no meaning in a complaint or a name: "in the morning" says when, not where.
const STOPWORDS: &[&str] = &[
    "a", "after", "also", "always", "am", "an", "and", "at", "be", "been", "but", "can", "can't", "cant",
    "day", "days", "do", "does", "down", "during", "every", "for", "from", "get", "gets", "getting",
    "i", "i'm", "im", "in", "is", "it", "me", "my", "of", "on", "or", "since", "so", "sometimes",
    "started", "that", "the", "there", "this", "to", "very", "when", "while", "with",
    "pain", "pains", "painful", "hurts", "hurt", "hurting", "ache", "aches", "aching", "sore",
    "soreness", "like", "feels", "feel", "feeling", "have", "has", "got", "morning", "mornings",
    "night", "nights", "bad", "really", "left", "right", "both", "muscle", "muscles", "syndrome",
    "musculus", "musculi", "et",
];

pub(crate) fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

pub(crate) fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The query's meaningful words.
pub(crate) fn query_words(query: &str) -> Vec<String> {
    words(query).into_iter().filter(|w| !is_stopword(w)).collect()
}

/// A rough key for how a word sounds: vowels run together, "ch", "ck" and "c" are "k", "ph" is
/// "f", doubled letters count once. "heal" and "heel" sound alike, "head" does not; "headake"
/// sounds like "headache".
fn sound(word: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = word.chars().filter(|c| !matches!(c, '\'' | '-')).peekable();
    let mut last = None;
    std::iter::from_fn(move || loop {
        let c = chars.next()?;
        let next = chars.peek().copied();
        let code = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' => 'a',
            'c' if matches!(next, Some('h') | Some('k')) => {
                chars.next();
                'k'
            }
            'p' if next == Some('h') => {
                chars.next();
                'f'
            }
            'c' | 'q' => 'k',
            'z' => 's',
            c => c,
        };
        if last != Some(code) {
            last = Some(code);
            return Some(code);
        }
    })
}

/// A typo's score: a word that sounds the same, or one or two slips of the keyboard.
fn typo_match(q: &str, d: &str) -> f32 {
    let (ql, dl) = (q.chars().count(), d.chars().count());
    // Short words are within one slip of too many others ("arm", "ear"): exact or prefix only.
    if ql < 4 || dl < 4 || ql.abs_diff(dl) > 2 {
        return 0.0;
    }
    // Compared as they are made: this runs for every word of the vocabulary on every key.
    if sound(q).eq(sound(d)) {
        return 0.8;
    }
    match (edit_distance(q, d), ql) {
        (1, 4..) => 0.7,
        (2, 7..) => 0.5,
        _ => 0.0,
    }
}

/// How well one query word matches one document word, 0 to 1, and whether only as a typo.
fn word_match(q: &str, d: &str) -> (f32, bool) {
    if q == d {
        return (1.0, false);
    }
    if q.chars().count() >= 3 && d.starts_with(q) {
        return (0.8, false);
    }
    // "headache" mentions "head"; "shoulders" mentions "shoulder".
    if d.chars().count() >= 4 && q.starts_with(d) {
        return (0.6, false);
    }
    (typo_match(q, d), true)
}

/// How well each query word matches each word of the vocabulary: `m[q][w]`. A typo counts only
/// when no name matches the word better, so "heal" reads as "heel" (which sounds the same) and
/// not also as "head" (one letter off).
pub(crate) fn match_table(query: &[String], vocabulary: &[String], in_names: &[bool]) -> Vec<Vec<f32>> {
    query
        .iter()
        .map(|q| {
            let row: Vec<(f32, bool)> = vocabulary.iter().map(|w| word_match(q, w)).collect();
            let best = row.iter().zip(in_names).filter(|(_, n)| **n).map(|((m, _), _)| *m).fold(0.0, f32::max);
            row.into_iter().map(|(m, typo)| if typo && m < best { 0.0 } else { m }).collect()
        })
        .collect()
}

/// How a list of words (a name, a complaint) matches the query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Score {
    /// Mean over query words of the word's best match in the list.
    pub value: f32,
    /// Meaningful words of the list the query did not mention.
    pub unmatched: usize,
}

impl Score {
    pub const NONE: Score = Score { value: 0.0, unmatched: usize::MAX };

    /// The score with a small penalty for each unmatched word, so "heel" prefers the zone called
    /// "heel" to one called "bottom of the heel".
    pub fn ranked(self) -> f32 {
        self.value - 0.02 * self.unmatched.min(5) as f32
    }
}

pub(crate) fn score(matches: &[Vec<f32>], stop: &[bool], doc: &[u32]) -> Score {
    if matches.is_empty() {
        return Score::NONE;
    }
    let total: f32 = matches.iter().map(|m| doc.iter().map(|&w| m[w as usize]).fold(0.0, f32::max)).sum();
    let unmatched = doc
        .iter()
        .filter(|&&w| !stop[w as usize] && matches.iter().all(|m| m[w as usize] == 0.0))
        .count();
    Score { value: total / matches.len() as f32, unmatched }
}

/// The best of a document's names (its name, Latin name, each alias or abbreviation).
pub(crate) fn best_name(matches: &[Vec<f32>], stop: &[bool], names: &[Vec<u32>]) -> Score {
    names
        .iter()
        .map(|n| score(matches, stop, n))
        .fold(Score::NONE, |a, b| if b.ranked() > a.ranked() { b } else { a })
}

/// Score muscles and zones against the query, best first; a muscle's symptom and note words
/// count 60%, and only when its names do not match.
pub(crate) fn search_documents(
    docs: &[super::index::Document],
    vocabulary: &[String],
    in_names: &[bool],
    stop: &[bool],
    query: &str,
) -> Vec<Hit> {
    let query = query_words(query);
    if query.is_empty() {
        return Vec::new();
    }
    let matches = match_table(&query, vocabulary, in_names);
    let mut hits = Vec::new();
    for doc in docs.iter().filter(|d| !matches!(d.target, Target::Complaint(_))) {
        let name = best_name(&matches, stop, &doc.names);
        // Thresholds apply to how well the query is matched; the penalty for unmatched words
        // only orders the hits.
        let (mut best, mut ranked) = (name.value, name.ranked());
        if best < 0.5 && !doc.extra.is_empty() {
            let extra = 0.6 * score(&matches, stop, &doc.extra).value;
            if extra > best {
                (best, ranked) = (extra, extra);
            }
        }
        if best >= 0.45 {
            hits.push(Hit { target: doc.target.clone(), label: doc.label.clone(), score: ranked });
        }
    }
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.label.cmp(&b.label)));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(q: &str, d: &str) -> f32 {
        word_match(q, d).0
    }

    #[test]
    fn typos_and_prefixes_match() {
        assert_eq!(m("trapezius", "trapezius"), 1.0);
        assert!(m("trapezuis", "trapezius") > 0.0);
        assert!(m("trap", "trapezius") > 0.0);
        assert!(m("headache", "head") > 0.0);
        assert!(m("sciatca", "sciatica") > 0.0);
        assert_eq!(m("arm", "ear"), 0.0);
        assert_eq!(m("ear", "arm"), 0.0);
    }

    #[test]
    fn words_that_sound_alike_beat_words_one_letter_off() {
        assert!(m("heal", "heel") > m("heal", "head"), "heal reads as heel");
        assert_eq!(m("heel", "head"), 0.0);
        let sounds = |a: &str, b: &str| sound(a).eq(sound(b));
        assert!(sounds("headake", "headache"));
        assert!(sounds("tooth", "teeth"));
        // Among names, "heal" keeps only its best reading.
        let vocabulary = vec!["heel".to_string(), "head".to_string()];
        let table = match_table(&["heal".to_string()], &vocabulary, &[true, true]);
        assert!(table[0][0] > 0.0 && table[0][1] == 0.0, "{table:?}");
    }

    #[test]
    fn when_and_how_it_hurts_are_not_where() {
        assert_eq!(query_words("heel pain in the morning"), ["heel"]);
        assert_eq!(query_words("my left knee hurts at night"), ["knee"]);
        assert!(query_words("pain").is_empty());
    }
}

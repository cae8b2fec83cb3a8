//! "Did you mean": the closest known id to a misspelt one.

/// Longest word compared letter by letter; longer ones are never within typo distance of
/// anything we look up, so only their lengths are compared.
const MAX_LEN: usize = 63;

/// Edit distance between two strings: insertions, deletions, substitutions, and swaps of two
/// neighbouring letters (the commonest typo), each counting one.
pub fn edit_distance(a: &str, b: &str) -> usize {
    if a.is_ascii() && b.is_ascii() {
        // Search compares every query word with thousands of words: no allocation here.
        distance(a.as_bytes(), b.as_bytes())
    } else {
        distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>())
    }
}

/// Optimal string alignment distance, in three rolling rows (two back for the swap rule).
fn distance<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return a.len().max(b.len());
    }
    // Distances never exceed MAX_LEN, so a byte holds each cell.
    let (mut prev2, mut prev, mut cur) = ([0u8; MAX_LEN + 1], [0u8; MAX_LEN + 1], [0u8; MAX_LEN + 1]);
    for (j, v) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *v = j as u8;
    }
    for i in 1..=a.len() {
        cur[0] = i as u8;
        for j in 1..=b.len() {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut best = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(prev2[j - 2] + 1);
            }
            cur[j] = best;
        }
        prev2 = prev;
        prev = cur;
    }
    usize::from(prev[b.len()])
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 4).max(2);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        assert_eq!(edit_distance("head.tmple", "head.temple"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(edit_distance("trapezuis", "trapezius"), 1);
        assert_eq!(edit_distance("tr\u{e4}pezius", "trapezius"), 1);
        assert_eq!(edit_distance("ab", "ba"), 1);
    }

    #[test]
    fn suggests_only_close_words() {
        let known = ["head.temple", "head.occiput", "neck.posterior"];
        assert_eq!(did_you_mean("head.tmple", known), Some("head.temple"));
        assert_eq!(did_you_mean("foot.heel", known), None);
    }
}

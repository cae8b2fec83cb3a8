//! Ranking candidates for a pain drawing: which muscles' referral patterns best explain the
//! zones a patient marked. The scoring lives here; `AtlasIndex::rank_drawing` applies it.

use super::ids::{MuscleId, ZoneId};
use super::lookup::Strength;
use super::zone::Side;

/// A muscle (on one side) that could explain a drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub muscle: MuscleId,
    pub side: Side,
    /// 0 to 100: how well the pattern explains the drawing.
    pub percent: u8,
    /// The drawn zones the pattern covers, and how.
    pub covered: Vec<(ZoneId, Side, Strength)>,
    /// How many zones of the pattern lie outside the drawing.
    pub outside: usize,
}

impl Candidate {
    /// The score in words, for people: how many of the drawn areas the pattern covers, and how
    /// many of those where its pain is usually felt (essential) rather than sometimes (spillover).
    pub fn in_words(&self, drawn: usize) -> String {
        let covered = self.covered.len();
        let essential = self.covered.iter().filter(|(_, _, s)| *s == Strength::Essential).count();
        let areas = if drawn == 1 { "area" } else { "areas" };
        let reach = if covered == drawn && drawn > 2 {
            format!("covers all {drawn} of your {areas}")
        } else if covered == 2 && drawn == 2 {
            "covers both of your areas".to_string()
        } else {
            format!("covers {covered} of your {drawn} {areas}")
        };
        let how = match (essential, covered) {
            (0, _) => "where its pain sometimes spreads".to_string(),
            (e, c) if e == c && c == 1 => "where its pain is usually felt".to_string(),
            (e, c) if e == c => "all where its pain is usually felt".to_string(),
            (e, _) => format!("{e} of them where its pain is usually felt"),
        };
        format!("{reach}, {how}")
    }
}

/// How much a zone of a pattern counts: essential fully, spillover half.
pub(crate) fn weight(s: Strength) -> f32 {
    match s {
        Strength::Essential => 1.0,
        Strength::Spillover => 0.5,
    }
}

/// The score as a percentage: the share of the drawing explained, scaled down by up to a quarter
/// for the share of the pattern that lies outside the drawing.
pub(crate) fn percent(explained: f32, drawn: usize, pattern_weight: f32) -> u8 {
    let recall = explained / drawn as f32;
    let precision = explained / pattern_weight;
    (recall * (0.75 + 0.25 * precision) * 100.0).round().min(100.0) as u8
}

/// Best first; ties by muscle id then side, so the order is stable.
pub(crate) fn sort(candidates: &mut [Candidate]) {
    candidates.sort_by(|a, b| {
        b.percent.cmp(&a.percent).then_with(|| a.muscle.cmp(&b.muscle)).then(a.side.cmp(&b.side))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(strengths: &[Strength]) -> Candidate {
        Candidate {
            muscle: MuscleId::new("soleus"),
            side: Side::Right,
            percent: 0,
            covered: strengths.iter().map(|s| (ZoneId::new("foot.heel"), Side::Right, *s)).collect(),
            outside: 0,
        }
    }

    #[test]
    fn the_score_is_said_in_words() {
        use Strength::*;
        assert_eq!(candidate(&[Essential, Essential, Spillover]).in_words(4), "covers 3 of your 4 areas, 2 of them where its pain is usually felt");
        assert_eq!(candidate(&[Essential, Essential, Essential]).in_words(3), "covers all 3 of your areas, all where its pain is usually felt");
        assert_eq!(candidate(&[Essential, Spillover]).in_words(2), "covers both of your areas, 1 of them where its pain is usually felt");
        assert_eq!(candidate(&[Spillover]).in_words(3), "covers 1 of your 3 areas, where its pain sometimes spreads");
        assert_eq!(candidate(&[Essential]).in_words(1), "covers 1 of your 1 area, where its pain is usually felt");
    }
}

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

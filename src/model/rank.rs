//! Ranking candidates for a pain drawing: which muscles' referral patterns best explain the
//! zones a patient marked.

use super::atlas::Atlas;
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

fn weight(s: Strength) -> f32 {
    match s {
        Strength::Essential => 1.0,
        Strength::Spillover => 0.5,
    }
}

impl Atlas {
    /// Candidates for a drawing, best first. A pattern scores by the share of the drawing it
    /// explains (essential zones count fully, spillover half), scaled down a little for the
    /// part of the pattern that lies outside the drawing. The plain version: `AtlasIndex`
    /// answers the same faster.
    pub fn rank_drawing(&self, drawing: &[(ZoneId, Side)]) -> Vec<Candidate> {
        if drawing.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for muscle in &self.muscles {
            for side in [Side::Left, Side::Right] {
                let pattern = self.pattern(muscle, side);
                let covered: Vec<_> = drawing
                    .iter()
                    .filter_map(|(z, s)| pattern.get(&(z.clone(), *s)).map(|st| (z.clone(), *s, *st)))
                    .collect();
                if covered.is_empty() {
                    continue;
                }
                let explained: f32 = covered.iter().map(|(_, _, s)| weight(*s)).sum();
                let total: f32 = pattern.values().map(|s| weight(*s)).sum();
                out.push(Candidate {
                    muscle: muscle.id.clone(),
                    side,
                    percent: percent(explained, drawing.len(), total),
                    outside: pattern.len() - covered.len(),
                    covered,
                });
            }
        }
        sort(&mut out);
        out
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

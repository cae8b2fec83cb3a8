//! Questions asked of the atlas: which zones does a muscle's pattern cover, and which muscles
//! refer pain to a zone, ranked.

use super::atlas::Atlas;
use super::ids::{MuscleId, ZoneId};
use super::muscle::Muscle;
use super::zone::Side;
use std::collections::BTreeMap;

/// How strongly a pattern reaches a zone. Orders essential before spillover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    Essential,
    Spillover,
}

impl Strength {
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Essential => "essential",
            Strength::Spillover => "spillover",
        }
    }
}

/// One muscle that refers pain to a zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    pub muscle: MuscleId,
    /// The side whose muscle refers there: the same side as the zone, usually.
    pub side: Side,
    pub strength: Strength,
    /// Local ids of the trigger points that reach the zone with this strength.
    pub trigger_points: Vec<String>,
}

/// The zones a muscle's trigger points refer to, each at its strongest.
pub type Pattern = BTreeMap<(ZoneId, Side), Strength>;

impl Atlas {
    /// The referral pattern of a muscle on one side (`Side::Midline` means both sides).
    pub fn pattern(&self, muscle: &Muscle, side: Side) -> Pattern {
        let sides: &[Side] = match side {
            Side::Midline => &[Side::Left, Side::Right],
            Side::Left => &[Side::Left],
            Side::Right => &[Side::Right],
        };
        let mut out = Pattern::new();
        for &s in sides {
            for tp in &muscle.trigger_points {
                self.add_targets(&mut out, &tp.essential, s, Strength::Essential);
                self.add_targets(&mut out, &tp.spillover, s, Strength::Spillover);
            }
        }
        out
    }

    fn add_targets(
        &self,
        out: &mut Pattern,
        targets: &[super::zone::ZoneTarget],
        muscle_side: Side,
        strength: Strength,
    ) {
        for t in targets {
            for zone_side in t.resolve(muscle_side, self.is_midline(&t.zone)) {
                let e = out.entry((t.zone.clone(), zone_side)).or_insert(strength);
                *e = (*e).min(strength);
            }
        }
    }

    /// Muscles whose trigger points refer pain to `zone` on `side`, ranked: essential before
    /// spillover, then by how many trigger points reach it, then by name.
    pub fn referrals_to(&self, zone: &ZoneId, side: Side) -> Vec<Referral> {
        let midline = self.is_midline(zone);
        let mut out = Vec::new();
        for muscle in &self.muscles {
            // For a midline zone either side's muscle will do; report it once.
            let muscle_sides: &[Side] =
                if midline { &[Side::Midline] } else { &[Side::Left, Side::Right] };
            for &ms in muscle_sides {
                let probe = if ms == Side::Midline { Side::Left } else { ms };
                let mut best: Option<(Strength, Vec<String>)> = None;
                for tp in &muscle.trigger_points {
                    let hits = |targets: &[super::zone::ZoneTarget]| {
                        targets.iter().any(|t| {
                            &t.zone == zone && t.resolve(probe, midline).contains(&side)
                        })
                    };
                    let strength = if hits(&tp.essential) {
                        Strength::Essential
                    } else if hits(&tp.spillover) {
                        Strength::Spillover
                    } else {
                        continue;
                    };
                    match &mut best {
                        Some((s, tps)) if *s == strength => tps.push(tp.id.clone()),
                        Some((s, _)) if *s < strength => {}
                        _ => best = Some((strength, vec![tp.id.clone()])),
                    }
                }
                if let Some((strength, trigger_points)) = best {
                    out.push(Referral { muscle: muscle.id.clone(), side: ms, strength, trigger_points });
                }
            }
        }
        out.sort_by(|a, b| {
            a.strength
                .cmp(&b.strength)
                .then(b.trigger_points.len().cmp(&a.trigger_points.len()))
                .then_with(|| self.name_of(&a.muscle).cmp(self.name_of(&b.muscle)))
        });
        out
    }

    /// The pain guide: every zone with the muscles that refer to it, derived from the trigger
    /// point data. Bilateral zones are listed once, for the left side (referral is mirrored);
    /// a divided zone is listed through its parts.
    pub fn pain_guide(&self) -> Vec<(&super::zone::Zone, Vec<Referral>)> {
        self.zones
            .iter()
            .filter(|z| z.parts.is_empty())
            .map(|z| (z, self.referrals_to(&z.id, z.sides()[0])))
            .collect()
    }

    /// Muscles that refer pain to the same places as this one, most shared essential zones
    /// first: the ones to examine too when this pattern fits.
    pub fn related(&self, muscle: &Muscle) -> Vec<(MuscleId, usize)> {
        let essential = |m: &Muscle| -> std::collections::BTreeSet<ZoneId> {
            m.trigger_points.iter().flat_map(|t| t.essential.iter().map(|z| z.zone.clone())).collect()
        };
        let mine = essential(muscle);
        let mut out: Vec<(MuscleId, usize)> = self
            .muscles
            .iter()
            .filter(|m| m.id != muscle.id)
            .map(|m| (m.id.clone(), essential(m).intersection(&mine).count()))
            .filter(|(_, n)| *n > 0)
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| self.name_of(&a.0).cmp(self.name_of(&b.0))));
        out
    }

    fn name_of(&self, id: &MuscleId) -> &str {
        self.muscle(id).map(|m| m.name.as_str()).unwrap_or("")
    }
}

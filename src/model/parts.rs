//! Divided zones. When the figure splits a zone (the outside of the thigh into its upper and
//! lower halves), the old id stays as a zone with `parts`: data and links that name it mean all
//! of its parts. The atlas is expanded once when it is loaded, and shown collapsed again where
//! a person reads it, so "outside of the thigh" is not listed as two halves.

use super::atlas::Atlas;
use super::ids::ZoneId;
use super::muscle::{Muscle, TriggerPoint};
use super::zone::ZoneTarget;

impl Atlas {
    /// The drawn zones a zone id stands for: its parts, or itself.
    pub fn leaves(&self, zone: &ZoneId) -> Vec<ZoneId> {
        match self.zone(zone) {
            Some(z) if !z.parts.is_empty() => z.parts.clone(),
            _ => vec![zone.clone()],
        }
    }

    /// Targets as a person reads them: where every part of a divided zone is listed with the same
    /// side rule, the parts give way to the zone they make up, at the first part's place.
    pub fn collapsed(&self, targets: &[ZoneTarget]) -> Vec<ZoneTarget> {
        let mut out: Vec<ZoneTarget> = Vec::new();
        for t in targets {
            let parent = self.zones.iter().find(|z| {
                z.parts.contains(&t.zone)
                    && z.parts.iter().all(|p| targets.iter().any(|o| &o.zone == p && o.side == t.side))
            });
            let shown = match parent {
                Some(p) => ZoneTarget { zone: p.id.clone(), side: t.side },
                None => t.clone(),
            };
            if !out.contains(&shown) {
                out.push(shown);
            }
        }
        out
    }

    /// Where a muscle's pain goes, in a line: the places its trigger points refer to (divided
    /// zones whole again), the essential ones first, then those only ever spillover.
    pub fn places_of(&self, muscle: &Muscle) -> (Vec<String>, Vec<String>) {
        let all = |pick: fn(&TriggerPoint) -> &[ZoneTarget]| -> Vec<String> {
            let targets: Vec<ZoneTarget> = muscle.trigger_points.iter().flat_map(|t| pick(t).iter().cloned()).collect();
            let mut names: Vec<String> = Vec::new();
            for t in self.collapsed(&targets) {
                let name = self.zone(&t.zone).map(|z| z.name.clone()).unwrap_or_else(|| t.zone.to_string());
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            names
        };
        let essential = all(|t| &t.essential);
        let spillover = all(|t| &t.spillover).into_iter().filter(|n| !essential.contains(n)).collect();
        (essential, spillover)
    }
}

/// The atlas with every pattern naming drawn zones only. A part reached as essential is not
/// listed again as spillover.
pub fn expanded(mut atlas: Atlas) -> Atlas {
    if atlas.zones.iter().all(|z| z.parts.is_empty()) {
        return atlas;
    }
    let expand = |targets: &[ZoneTarget], skip: &[ZoneTarget]| -> Vec<ZoneTarget> {
        let mut out: Vec<ZoneTarget> = Vec::new();
        for t in targets {
            for zone in atlas.leaves(&t.zone) {
                let leaf = ZoneTarget { zone, side: t.side };
                if !out.iter().chain(skip).any(|o| o.zone == leaf.zone) {
                    out.push(leaf);
                }
            }
        }
        out
    };
    // Worked out first and written after, so the muscles (and their long texts) are not copied.
    let expanded: Vec<Vec<(Vec<ZoneTarget>, Vec<ZoneTarget>)>> = atlas
        .muscles
        .iter()
        .map(|m| {
            m.trigger_points
                .iter()
                .map(|tp| {
                    let essential = expand(&tp.essential, &[]);
                    let spillover = expand(&tp.spillover, &essential);
                    (essential, spillover)
                })
                .collect()
        })
        .collect();
    for (m, tps) in atlas.muscles.iter_mut().zip(expanded) {
        for (tp, (essential, spillover)) in m.trigger_points.iter_mut().zip(tps) {
            tp.essential = essential;
            tp.spillover = spillover;
        }
    }
    atlas
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::zone::{Laterality, Zone};

    fn zone(id: &str, parts: &[&str]) -> Zone {
        Zone {
            id: ZoneId::new(id),
            name: id.replace('.', " "),
            aliases: vec![],
            laterality: Laterality::Bilateral,
            parts: parts.iter().map(|p| ZoneId::new(*p)).collect(),
        }
    }

    fn targets(s: &[&str]) -> Vec<ZoneTarget> {
        s.iter().map(|t| t.parse().unwrap()).collect()
    }

    fn atlas() -> Atlas {
        Atlas {
            zones: vec![zone("thigh", &["thigh.upper", "thigh.lower"]), zone("thigh.upper", &[]), zone("thigh.lower", &[]), zone("knee", &[])],
            ..Atlas::default()
        }
    }

    #[test]
    fn a_divided_zone_stands_for_its_parts() {
        let a = atlas();
        assert_eq!(a.leaves(&ZoneId::new("thigh")), vec![ZoneId::new("thigh.upper"), ZoneId::new("thigh.lower")]);
        assert_eq!(a.leaves(&ZoneId::new("knee")), vec![ZoneId::new("knee")]);
    }

    #[test]
    fn parts_read_as_the_zone_they_make_up_only_when_all_are_there_with_one_side_rule() {
        let a = atlas();
        assert_eq!(a.collapsed(&targets(&["knee", "thigh.upper", "thigh.lower"])), targets(&["knee", "thigh"]));
        assert_eq!(a.collapsed(&targets(&["thigh.lower", "knee"])), targets(&["thigh.lower", "knee"]));
        assert_eq!(
            a.collapsed(&targets(&["thigh.upper@both", "thigh.lower"])),
            targets(&["thigh.upper@both", "thigh.lower"])
        );
    }
}

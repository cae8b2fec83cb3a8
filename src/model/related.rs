//! The order a clinician steps through muscles when presenting: region by region, and within a
//! region from each muscle to the one whose pain goes to the most of the same places, so next and
//! previous show related patterns rather than the alphabet.

use super::atlas::Atlas;
use super::muscle::{Muscle, Region};
use super::zone::Side;
use super::ZoneId;
use std::collections::BTreeSet;

impl Atlas {
    pub fn presentation_order(&self) -> Vec<&Muscle> {
        let places = |m: &Muscle| -> BTreeSet<ZoneId> {
            self.pattern(m, Side::Right).into_keys().map(|(z, _)| z).collect()
        };
        let mut order = Vec::with_capacity(self.muscles.len());
        for region in Region::ALL {
            let mut left: Vec<(&Muscle, BTreeSet<ZoneId>)> =
                self.muscles_by_name().into_iter().filter(|m| m.region == region).map(|m| (m, places(m))).collect();
            if left.is_empty() {
                continue;
            }
            let mut current = left.remove(0);
            loop {
                // The most alike by shared places over all places (ties: the first by name).
                let alike = |other: &BTreeSet<ZoneId>| {
                    let shared = current.1.intersection(other).count() as f32;
                    let all = current.1.union(other).count().max(1) as f32;
                    shared / all
                };
                let next = left
                    .iter()
                    .enumerate()
                    .fold(None::<(usize, f32)>, |best, (i, (_, p))| {
                        let a = alike(p);
                        match best {
                            Some((_, b)) if b >= a => best,
                            _ => Some((i, a)),
                        }
                    })
                    .map(|(i, _)| i);
                order.push(current.0);
                match next {
                    Some(i) => current = left.remove(i),
                    None => break,
                }
            }
        }
        order
    }
}

//! What search answers, read as a clinician reads a question. A muscle's name (or Latin name,
//! or abbreviation) finds that muscle. A complaint ("tennis elbow", "low back pain", "heel pain
//! in the morning") resolves to the places it names, then to the muscles that refer pain there:
//! first those the literature names for it, in its order, then the rest as a pain guide ranks
//! them, essential referral before spillover and a pattern centred on the place before one for
//! which the place is a small part. A bare place ("behind the eye") is answered the same way.

use super::atlas::Atlas;
use super::complaint::Complaint;
use super::ids::{MuscleId, ZoneId};
use super::index::AtlasIndex;
use super::lookup::Strength;
use super::search::{self, best_name, match_table, query_words, Score, Target};
use super::zone::Side;

/// The answer to a query: the complaint it was read as, the muscles to examine in order, and
/// the places it named.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answer {
    pub complaint: Option<Complaint>,
    pub muscles: Vec<Found>,
    pub places: Vec<ZoneId>,
}

/// A muscle in an answer, and why it is there.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub muscle: MuscleId,
    pub why: Why,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// Its name, Latin name or an abbreviation matched.
    Name,
    /// The literature names it for the complaint; `referral` is where, among the complaint's
    /// places, its pattern reaches most strongly, if it reaches them.
    Named { referral: Option<(ZoneId, Strength)> },
    /// Its pattern reaches one of the places the query named (the zone as named, not its part).
    Refers { zone: ZoneId, strength: Strength },
    /// Nothing was named; words of its name, symptoms or notes matched.
    Symptoms,
}

/// A muscle's name must match this well to be read as a name (0 to 1).
const NAME_MIN: f32 = 0.65;
/// A complaint's words must all be there and match this well.
const COMPLAINT_MIN: f32 = 0.65;
/// A place must match at least this well.
const PLACE_MIN: f32 = 0.45;
/// Places this close to the best are read as meant too ("knee" names every part of the knee).
const PLACE_SPREAD: f32 = 0.05;

impl Answer {
    /// Why a muscle is listed, in a few words: "refers pain to the heel (main area)".
    pub fn why_text(&self, atlas: &Atlas, found: &Found) -> String {
        let place = |zone: &ZoneId, strength: Strength| {
            let name = atlas.zone(zone).map(|z| z.name.as_str()).unwrap_or(zone.as_str());
            match strength {
                Strength::Essential => format!("refers pain to the {name} (main area)"),
                Strength::Spillover => format!("spillover pain to the {name}"),
            }
        };
        let term = self.complaint.as_ref().map(|c| c.term.as_str()).unwrap_or("this complaint");
        match &found.why {
            Why::Name => String::new(),
            Why::Named { referral: Some((z, s)) } => format!("named for {term}; {}", place(z, *s)),
            Why::Named { referral: None } => format!("named for {term}"),
            Why::Refers { zone, strength } => place(zone, *strength),
            Why::Symptoms => "its name, symptoms or notes use these words".to_string(),
        }
    }
}

impl AtlasIndex {
    /// The answer to a search query; see the module's description. `atlas` is the one the index
    /// was built from.
    pub fn answer(&self, atlas: &Atlas, query: &str) -> Answer {
        let query = query_words(query);
        if query.is_empty() {
            return Answer::default();
        }
        let matches = match_table(&query, &self.vocabulary, &self.in_names);
        let stop = &self.stop;
        let mut muscles: Vec<(f32, &MuscleId, &str)> = Vec::new();
        let mut zones: Vec<(f32, &ZoneId)> = Vec::new();
        let mut complaint: Option<(f32, usize)> = None;
        for doc in &self.docs {
            match &doc.target {
                Target::Muscle(id) => {
                    let s = best_name(&matches, stop, &doc.names);
                    if s.value >= NAME_MIN {
                        muscles.push((s.ranked(), id, &doc.label));
                    }
                }
                Target::Zone(id) => {
                    let s = best_name(&matches, stop, &doc.names);
                    if s.value >= PLACE_MIN {
                        zones.push((s.ranked(), id));
                    }
                }
                Target::Complaint(i) => {
                    // A complaint is meant only if the query says all of one of its names.
                    let s = doc
                        .names
                        .iter()
                        .map(|n| search::score(&matches, stop, n))
                        .filter(|s| s.unmatched == 0 && s.value >= COMPLAINT_MIN)
                        .fold(Score::NONE, |a, b| if b.value > a.value { b } else { a });
                    if s.unmatched == 0 && complaint.is_none_or(|(best, _)| s.value > best) {
                        complaint = Some((s.value, *i));
                    }
                }
            }
        }
        muscles.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.2.cmp(b.2)));
        zones.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let best_muscle = muscles.first().map_or(f32::MIN, |m| m.0);
        let best_zone = zones.first().map_or(f32::MIN, |z| z.0);
        let best_complaint = complaint.map_or(f32::MIN, |c| c.0);
        let places_near_best = || -> Vec<ZoneId> {
            zones.iter().take_while(|(s, _)| *s >= best_zone - PLACE_SPREAD).map(|(_, z)| (*z).clone()).collect()
        };
        // A muscle's name wins ties: "biceps" is the muscle before the "biceps area".
        if best_muscle >= best_complaint && best_muscle >= best_zone && !muscles.is_empty() {
            return Answer {
                complaint: None,
                muscles: muscles.iter().map(|(_, id, _)| Found { muscle: (*id).clone(), why: Why::Name }).collect(),
                // Places only where the query names them as well as the muscle ("soleus" is not
                // the "outer sole").
                places: zones.iter().filter(|(s, _)| *s >= NAME_MIN).map(|(_, z)| (*z).clone()).collect(),
            };
        }
        // A complaint wins ties with a place: "tennis elbow" is the complaint, with its muscles.
        if let Some((_, i)) = complaint.filter(|_| best_complaint >= best_zone) {
            // Its places are the ones it names: "frozen shoulder" is not every place with
            // "shoulder" in its name.
            let c = &atlas.complaints[i];
            return Answer { complaint: Some(c.clone()), muscles: self.suspects(atlas, &c.muscles, &c.zones), places: c.zones.clone() };
        }
        if !zones.is_empty() {
            let places = places_near_best();
            return Answer { complaint: None, muscles: self.suspects(atlas, &[], &places), places };
        }
        // Nothing named: muscles whose symptoms or notes use the words ("cramps", "swallowing").
        let muscles = self
            .search_symptoms(&query.join(" "))
            .into_iter()
            .map(|muscle| Found { muscle, why: Why::Symptoms })
            .collect();
        Answer { complaint: None, muscles, places: Vec::new() }
    }

    /// The muscles to examine for pain in `places`: `named` first, in their order, then every
    /// other muscle whose pattern reaches the places, ranked by the pattern ranking
    /// (`rank_drawing`): essential referral before spillover, then the share of the places
    /// explained and how much of the pattern lies there.
    pub fn suspects(&self, atlas: &Atlas, named: &[MuscleId], places: &[ZoneId]) -> Vec<Found> {
        // The places as drawn zones on one side (referral is mirrored), each part remembering
        // the place it belongs to, so that reasons name the place as the user said it.
        let mut drawing: Vec<(ZoneId, Side)> = Vec::new();
        let mut named_as: Vec<(ZoneId, ZoneId)> = Vec::new();
        for place in places {
            for leaf in atlas.leaves(place) {
                let side = if atlas.is_midline(&leaf) { Side::Midline } else { Side::Left };
                if !drawing.iter().any(|(z, _)| *z == leaf) {
                    drawing.push((leaf.clone(), side));
                    named_as.push((leaf, place.clone()));
                }
            }
        }
        let mut candidates: Vec<_> =
            self.rank_drawing(atlas, &drawing).into_iter().filter(|c| c.side == Side::Left).collect();
        let strongest = |covered: &[(ZoneId, Side, Strength)]| -> Option<(ZoneId, Strength)> {
            let best = covered.iter().map(|(_, _, s)| *s).min()?;
            // The first place, in the order named, that the pattern reaches at its strongest.
            let leaf = drawing
                .iter()
                .find(|(z, _)| covered.iter().any(|(c, _, s)| c == z && *s == best))
                .map(|(z, _)| z)?;
            let place = named_as.iter().find(|(l, _)| l == leaf).map(|(_, p)| p.clone())?;
            Some((place, best))
        };
        // Essential before spillover; the ranking's order within each (stable sort).
        candidates.sort_by_key(|c| c.covered.iter().map(|(_, _, s)| *s).min());
        let mut out: Vec<Found> = named
            .iter()
            .map(|m| Found {
                muscle: m.clone(),
                why: Why::Named {
                    referral: candidates.iter().find(|c| &c.muscle == m).and_then(|c| strongest(&c.covered)),
                },
            })
            .collect();
        for c in &candidates {
            if named.contains(&c.muscle) {
                continue;
            }
            if let Some((zone, strength)) = strongest(&c.covered) {
                out.push(Found { muscle: c.muscle.clone(), why: Why::Refers { zone, strength } });
            }
        }
        out
    }

    /// Muscles whose symptoms or notes match the query, best first.
    fn search_symptoms(&self, query: &str) -> Vec<MuscleId> {
        self.search(query)
            .into_iter()
            .filter_map(|h| match h.target {
                Target::Muscle(m) => Some(m),
                _ => None,
            })
            .collect()
    }
}

//! The long texts of the muscles (what a muscle does, what causes its trigger points, what helps,
//! what a clinician may do, when to see a doctor, where each point is found). They are most of
//! the data file and none of the figure, so the bundle ships them in a second file that the app
//! fetches after the body is drawn: the first load is smaller and the body appears sooner.

use super::atlas::Atlas;
use super::ids::MuscleId;
use serde::{Deserialize, Serialize};

/// Where an atlas's texts are, when they are not in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextFile {
    /// Relative to the atlas file: "atlas-text.json".
    pub file: String,
    /// The texts file's `version`: the two files of one bundle name the same one.
    pub version: String,
}

/// Every muscle's long texts, in the atlas's order of muscles. (Lists, not maps: they are read
/// with code the browser build has anyway.)
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub version: String,
    pub muscles: Vec<MuscleText>,
}

/// One muscle's long texts, as its record has them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MuscleText {
    pub id: MuscleId,
    pub action: String,
    pub causes: Vec<String>,
    pub self_care: Vec<String>,
    pub clinician: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub red_flags: Vec<String>,
    /// Each trigger point's location, in the order of the muscle's trigger points.
    pub locations: Vec<String>,
}

impl MuscleText {
    /// The location of the muscle's `index`th trigger point.
    pub fn location(&self, index: usize) -> &str {
        self.locations.get(index).map_or("", String::as_str)
    }
}

/// The file name the bundle gives the texts, beside the atlas file.
pub const TEXT_FILE: &str = "atlas-text.json";

impl Atlas {
    /// The atlas without its long texts (it names where they are), and the texts.
    pub fn split_text(mut self) -> (Atlas, Texts) {
        let mut muscles = Vec::new();
        for m in &mut self.muscles {
            let locations = m.trigger_points.iter_mut().map(|tp| std::mem::take(&mut tp.location)).collect();
            let text = MuscleText {
                id: m.id.clone(),
                action: std::mem::take(&mut m.action),
                causes: std::mem::take(&mut m.causes),
                self_care: std::mem::take(&mut m.self_care),
                clinician: std::mem::take(&mut m.clinician),
                red_flags: std::mem::take(&mut m.red_flags),
                locations,
            };
            muscles.push(text);
        }
        let mut texts = Texts { version: String::new(), muscles };
        texts.version = version_of(&serde_json::to_string(&texts.muscles).expect("texts serialise"));
        self.text = Some(TextFile { file: TEXT_FILE.into(), version: texts.version.clone() });
        (self, texts)
    }

    /// The atlas with its texts back in it, as one file.
    pub fn with_text(mut self, texts: &Texts) -> Atlas {
        for m in &mut self.muscles {
            if let Some(t) = texts.muscle(&m.id) {
                m.action = t.action.clone();
                m.causes = t.causes.clone();
                m.self_care = t.self_care.clone();
                m.clinician = t.clinician.clone();
                m.red_flags = t.red_flags.clone();
                for (i, tp) in m.trigger_points.iter_mut().enumerate() {
                    tp.location = t.location(i).to_string();
                }
            }
        }
        self.text = None;
        self
    }
}

impl Texts {
    /// The texts of an atlas that carries them itself (a single-file atlas a data author opened).
    pub fn inline(atlas: &Atlas) -> Texts {
        let muscles = atlas
            .muscles
            .iter()
            .map(|m| {
                MuscleText {
                    id: m.id.clone(),
                    action: m.action.clone(),
                    causes: m.causes.clone(),
                    self_care: m.self_care.clone(),
                    clinician: m.clinician.clone(),
                    red_flags: m.red_flags.clone(),
                    locations: m.trigger_points.iter().map(|tp| tp.location.clone()).collect(),
                }
            })
            .collect();
        Texts { version: String::new(), muscles }
    }

    /// Read the texts file of `atlas`: it must be the one its bundle names, with every muscle's
    /// texts whole. Each failure is a sentence a person can act on.
    pub fn from_json(json: &str, atlas: &Atlas) -> Result<Texts, String> {
        let texts: Texts = serde_json::from_str(json)
            .map_err(|e| format!("The descriptions file could not be read ({e}); it may have been cut off."))?;
        let want = atlas.text.as_ref().map(|t| t.version.as_str()).unwrap_or_default();
        if texts.version != want {
            return Err("The descriptions file is from another version of the atlas: reload the page.".into());
        }
        let problems: Vec<String> = atlas
            .muscles
            .iter()
            .filter_map(|m| match texts.muscle(&m.id) {
                None => Some(format!("{} has no entry", m.id)),
                Some(t) if t.action.trim().is_empty() || t.causes.is_empty() || t.self_care.is_empty() => {
                    Some(format!("{} is missing what it does, its causes or its self-care", m.id))
                }
                Some(t) if t.locations.len() != m.trigger_points.len() => {
                    Some(format!("{} has {} locations for {} trigger points", m.id, t.locations.len(), m.trigger_points.len()))
                }
                Some(t) => m
                    .trigger_points
                    .iter()
                    .enumerate()
                    .find(|(i, _)| t.location(*i).trim().is_empty())
                    .map(|(_, tp)| format!("{} has no location", tp.full_id(&m.id))),
            })
            .collect();
        if let Some(first) = problems.first() {
            return Err(format!(
                "The descriptions file is incomplete ({first}{}).",
                if problems.len() > 1 { format!(", and {} more", problems.len() - 1) } else { String::new() }
            ));
        }
        Ok(texts)
    }

    pub fn muscle(&self, id: &MuscleId) -> Option<&MuscleText> {
        self.muscles.iter().find(|t| &t.id == id)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("texts serialise")
    }
}

/// A short fingerprint of the texts (64-bit FNV-1a, in hex): the two files of one bundle carry
/// the same one, so a stale copy of either is noticed.
fn version_of(json: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

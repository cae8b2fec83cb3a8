//! Precomputed views of the atlas for answering many questions fast: every muscle's pattern on
//! each side with zones as small integers (for ranking drawings), and the words of every muscle,
//! zone and complaint (for search). Built once after loading.

use super::atlas::Atlas;
use super::lookup::Strength;
use super::rank::{weight, Candidate};
use super::search::{self, Hit, Target};
use super::zone::Side;
use super::ZoneId;

/// A zone on one side, as a number: zone index * 3 + side.
type Key = u32;

fn side_code(s: Side) -> u32 {
    match s {
        Side::Left => 0,
        Side::Right => 1,
        Side::Midline => 2,
    }
}

struct PatternEntry {
    muscle: usize,
    side: Side,
    /// Sorted by key.
    zones: Vec<(Key, Strength)>,
    total_weight: f32,
}

/// Something search can find, its words as indexes into the vocabulary.
pub(crate) struct Document {
    pub target: Target,
    pub label: String,
    /// Alternative word lists (a zone's name and each alias); the best one counts.
    pub names: Vec<Vec<u32>>,
    /// Words from symptoms and notes, which count less.
    pub extra: Vec<u32>,
}

pub struct AtlasIndex {
    patterns: Vec<PatternEntry>,
    pub(crate) docs: Vec<Document>,
    /// Every distinct word of every document: a query word is compared with each once.
    pub(crate) vocabulary: Vec<String>,
    /// Whether each vocabulary word is part of a name (not only of symptoms or notes).
    pub(crate) in_names: Vec<bool>,
    /// Whether each vocabulary word is a stop word ("pain", "the"), decided once.
    pub(crate) stop: Vec<bool>,
}

/// The index, built the first time it is asked for: building it takes a few milliseconds that
/// the first drawing of the body should not wait for.
pub struct LazyIndex {
    atlas: std::sync::Arc<Atlas>,
    built: std::sync::OnceLock<AtlasIndex>,
}

impl LazyIndex {
    pub fn new(atlas: std::sync::Arc<Atlas>) -> LazyIndex {
        LazyIndex { atlas, built: std::sync::OnceLock::new() }
    }

    /// Whether it has been built yet.
    pub fn is_built(&self) -> bool {
        self.built.get().is_some()
    }
}

impl std::ops::Deref for LazyIndex {
    type Target = AtlasIndex;
    fn deref(&self) -> &AtlasIndex {
        self.built.get_or_init(|| AtlasIndex::new(&self.atlas))
    }
}

/// Assigns each distinct word a number.
#[derive(Default)]
struct Vocabulary {
    words: Vec<String>,
    in_names: Vec<bool>,
    ids: std::collections::BTreeMap<String, u32>,
}

impl Vocabulary {
    fn ids(&mut self, words: Vec<String>, name: bool) -> Vec<u32> {
        words
            .into_iter()
            .map(|w| {
                // Most words are seen before: look up first, so only a new word is copied.
                let id = match self.ids.get(&w) {
                    Some(&id) => id,
                    None => {
                        let id = self.words.len() as u32;
                        self.ids.insert(w.clone(), id);
                        self.words.push(w);
                        self.in_names.push(false);
                        id
                    }
                };
                self.in_names[id as usize] |= name;
                id
            })
            .collect()
    }

    fn names<'a>(&mut self, names: impl IntoIterator<Item = &'a String>) -> Vec<Vec<u32>> {
        names.into_iter().map(|n| self.ids(search::words(n), true)).collect()
    }
}

impl AtlasIndex {
    pub fn new(atlas: &Atlas) -> AtlasIndex {
        let positions: std::collections::BTreeMap<&ZoneId, u32> =
            atlas.zones.iter().enumerate().map(|(i, z)| (&z.id, i as u32)).collect();
        let key_of = |z: &ZoneId, s: Side| -> Option<Key> { positions.get(z).map(|i| i * 3 + side_code(s)) };
        // Looked up for every zone of every pattern: a map, not a scan of the zones each time.
        let divided: std::collections::BTreeMap<&ZoneId, &Vec<ZoneId>> =
            atlas.zones.iter().filter(|z| !z.parts.is_empty()).map(|z| (&z.id, &z.parts)).collect();
        let mut patterns = Vec::new();
        for (mi, m) in atlas.muscles.iter().enumerate() {
            for side in [Side::Left, Side::Right] {
                // Drawings name drawn zones only; a pattern read from data that still names a
                // divided zone (not yet expanded) reaches each of its parts.
                let mut zones: Vec<(Key, Strength)> = Vec::new();
                for ((z, s), st) in atlas.pattern(m, side) {
                    let leaves = divided.get(&z).map_or(std::slice::from_ref(&z), |parts| parts.as_slice());
                    for leaf in leaves {
                        if let Some(k) = key_of(leaf, s) {
                            match zones.iter_mut().find(|(key, _)| *key == k) {
                                Some((_, old)) => *old = (*old).min(st),
                                None => zones.push((k, st)),
                            }
                        }
                    }
                }
                zones.sort_by_key(|(k, _)| *k);
                let total_weight = zones.iter().map(|(_, s)| weight(*s)).sum();
                patterns.push(PatternEntry { muscle: mi, side, zones, total_weight });
            }
        }
        let mut docs = Vec::new();
        let mut vocab = Vocabulary::default();
        for m in &atlas.muscles {
            // The name, the Latin name and each abbreviation are separate ways of saying it.
            let names = vocab.names(std::iter::once(&m.name).chain([&m.latin]).chain(&m.abbreviations));
            let extra = m
                .symptoms
                .iter()
                .chain(m.trigger_points.iter().filter_map(|t| t.note.as_ref()))
                .flat_map(|t| search::words(t))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            docs.push(Document {
                target: Target::Muscle(m.id.clone()),
                label: m.name.clone(),
                names,
                extra: vocab.ids(extra, false),
            });
        }
        for z in &atlas.zones {
            let names = vocab.names(std::iter::once(&z.name).chain(&z.aliases));
            docs.push(Document { target: Target::Zone(z.id.clone()), label: z.name.clone(), names, extra: vec![] });
        }
        for (i, c) in atlas.complaints.iter().enumerate() {
            let names = vocab.names(c.names());
            docs.push(Document { target: Target::Complaint(i), label: c.term.clone(), names, extra: vec![] });
        }
        let stop = vocab.words.iter().map(|w| search::is_stopword(w)).collect();
        AtlasIndex { patterns, docs, vocabulary: vocab.words, in_names: vocab.in_names, stop }
    }

    /// Candidates for a drawing, best first. A pattern scores by the share of the drawing it
    /// explains (essential zones count fully, spillover half), scaled down a little for the
    /// part of the pattern that lies outside the drawing.
    pub fn rank_drawing(&self, atlas: &Atlas, drawing: &[(ZoneId, Side)]) -> Vec<Candidate> {
        let keys: Vec<(Key, &ZoneId, Side)> = drawing
            .iter()
            .filter_map(|(z, s)| {
                atlas.zones.iter().position(|x| &x.id == z).map(|i| (i as u32 * 3 + side_code(*s), z, *s))
            })
            .collect();
        if drawing.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for p in &self.patterns {
            let mut covered = Vec::new();
            for (k, z, s) in &keys {
                if let Ok(i) = p.zones.binary_search_by_key(k, |(key, _)| *key) {
                    covered.push(((*z).clone(), *s, p.zones[i].1));
                }
            }
            if covered.is_empty() {
                continue;
            }
            let explained: f32 = covered.iter().map(|(_, _, s)| weight(*s)).sum();
            out.push(Candidate {
                muscle: atlas.muscles[p.muscle].id.clone(),
                side: p.side,
                percent: super::rank::percent(explained, drawing.len(), p.total_weight),
                outside: p.zones.len() - covered.len(),
                covered,
            });
        }
        super::rank::sort(&mut out);
        out
    }

    /// Muscles and zones whose words match the query, best first. `answer` reads a query as a
    /// clinician would; this is the plain word match beneath it.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        search::search_documents(&self.docs, &self.vocabulary, &self.in_names, &self.stop, query)
    }
}

//! What the user is looking at, as it lives in the URL's query string, so that reload,
//! back/forward and shared links restore it. Plain Rust; the browser glue is in `app`.

use crate::model::suggest::did_you_mean;
use crate::model::{Atlas, MuscleId, Side, ZoneId};

/// The state a link can carry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Selection {
    #[default]
    Nothing,
    /// A muscle on one side, or on both (`Side::Midline`).
    Muscle { id: MuscleId, side: Side },
    /// A zone where it hurts, on one side (or the midline).
    Zone { id: ZoneId, side: Side },
    /// A pain drawing of two or more zones. (One zone is `Zone`.)
    Drawing { zones: Vec<(ZoneId, Side)> },
    /// A muscle opened from a pain drawing: its pattern over the drawing, which is one tap away.
    Candidate { id: MuscleId, side: Side, drawing: Vec<(ZoneId, Side)> },
    /// Two to four muscles side by side (one, while the second is being chosen).
    Compare { muscles: Vec<MuscleId> },
    /// A general page, or the pain guide (`PAIN_GUIDE`).
    Page { id: String },
}

/// The most muscles compared at once.
pub const COMPARE_MAX: usize = 4;

/// The page id of the derived pain guide, which is not an authored page.
pub const PAIN_GUIDE: &str = "pain-guide";

impl Selection {
    /// Read `?muscle=upper-trapezius&side=left` or `?zone=head.temple&side=left`.
    /// Unknown keys are ignored; a missing or unknown side means both sides for a muscle.
    /// Muscle ids are read in any case (`?muscle=SOLEUS`): ids are lower case.
    pub fn from_query(query: &str) -> Selection {
        let mut muscle = None;
        let mut zone = None;
        let mut side = None;
        let mut page = None;
        let mut drawing: Vec<(ZoneId, Side)> = Vec::new();
        let mut compare: Vec<MuscleId> = Vec::new();
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = percent_decode(v);
            match k {
                "muscle" if !v.is_empty() => muscle = Some(v.to_lowercase()),
                "zone" if !v.is_empty() => zone = Some(v),
                "side" => side = Side::parse(&v),
                "page" if !v.is_empty() => page = Some(v),
                "compare" => {
                    for id in v.split(',').filter(|s| !s.is_empty()) {
                        let id = MuscleId::new(id.to_lowercase());
                        if !compare.contains(&id) && compare.len() < COMPARE_MAX {
                            compare.push(id);
                        }
                    }
                }
                // draw=left:head.temple,right:neck.back
                "draw" => {
                    for item in v.split(',') {
                        if let Some((s, z)) = item.split_once(':').and_then(|(s, z)| Side::parse(s).map(|s| (s, z))) {
                            if !z.is_empty() && !drawing.iter().any(|(d, ds)| d.as_str() == z && *ds == s) {
                                drawing.push((ZoneId::new(z), s));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        match (muscle, zone) {
            (None, None) if !compare.is_empty() => Selection::Compare { muscles: compare },
            (None, None) if !drawing.is_empty() => Selection::drawing(drawing),
            (None, None) if page.is_some() => Selection::Page { id: page.unwrap_or_default() },
            (Some(m), _) if !drawing.is_empty() => {
                Selection::Candidate { id: MuscleId::new(m), side: side.unwrap_or(Side::Midline), drawing }
            }
            (Some(m), _) => Selection::Muscle { id: MuscleId::new(m), side: side.unwrap_or(Side::Midline) },
            (None, Some(z)) => Selection::Zone { id: ZoneId::new(z), side: side.unwrap_or(Side::Midline) },
            (None, None) => Selection::Nothing,
        }
    }

    /// The query string for this state, "" for nothing selected.
    pub fn to_query(&self) -> String {
        match self {
            Selection::Nothing => String::new(),
            Selection::Muscle { id, side: Side::Midline } => format!("?muscle={id}"),
            Selection::Muscle { id, side } => format!("?muscle={id}&side={side}"),
            Selection::Zone { id, side: Side::Midline } => format!("?zone={id}"),
            Selection::Zone { id, side } => format!("?zone={id}&side={side}"),
            Selection::Drawing { zones } => {
                let items: Vec<String> = zones.iter().map(|(z, s)| format!("{s}:{z}")).collect();
                format!("?draw={}", items.join(","))
            }
            Selection::Compare { muscles } => {
                format!("?compare={}", muscles.iter().map(MuscleId::as_str).collect::<Vec<_>>().join(","))
            }
            Selection::Page { id } => format!("?page={id}"),
            Selection::Candidate { id, side, drawing } => {
                let muscle = Selection::Muscle { id: id.clone(), side: *side }.to_query();
                let drawing = Selection::Drawing { zones: drawing.clone() }.to_query();
                format!("{muscle}&{}", drawing.trim_start_matches('?'))
            }
        }
    }

    /// The selection for a set of drawn zones: nothing, one zone, or a drawing.
    pub fn drawing(mut zones: Vec<(ZoneId, Side)>) -> Selection {
        match zones.len() {
            0 => Selection::Nothing,
            1 => {
                let (id, side) = zones.remove(0);
                Selection::Zone { id, side }
            }
            _ => Selection::Drawing { zones },
        }
    }

    /// The selection as the atlas can show it, if that differs: divided zones become their
    /// parts (`with_parts`), and a comparison drops the muscles the atlas does not have, as long
    /// as one is left (otherwise `not_found` explains the link). `None` if unchanged.
    pub fn resolved(&self, atlas: &Atlas) -> Option<Selection> {
        if let Selection::Compare { muscles } = self {
            let known: Vec<MuscleId> = muscles.iter().filter(|m| atlas.muscle(m).is_some()).cloned().collect();
            return (!known.is_empty() && known.len() < muscles.len()).then_some(Selection::Compare { muscles: known });
        }
        self.with_parts(atlas)
    }

    /// The same selection naming drawn zones only, if it names a divided zone (an old link, or
    /// a search for "outside of the thigh"): the zone becomes its parts. `None` if unchanged.
    pub fn with_parts(&self, atlas: &Atlas) -> Option<Selection> {
        let drawn = self.drawn();
        let divided = |z: &ZoneId| atlas.zone(z).is_some_and(|z| !z.parts.is_empty());
        if !drawn.iter().any(|(z, _)| divided(z)) {
            return None;
        }
        let mut zones: Vec<(ZoneId, Side)> = Vec::new();
        for (z, side) in drawn {
            for part in atlas.leaves(&z) {
                if !zones.contains(&(part.clone(), side)) {
                    zones.push((part, side));
                }
            }
        }
        Some(match self {
            Selection::Candidate { id, side, .. } => Selection::Candidate { id: id.clone(), side: *side, drawing: zones },
            _ => Selection::drawing(zones),
        })
    }

    /// The zones this selection has drawn (one for a zone, none for a muscle or page).
    pub fn drawn(&self) -> Vec<(ZoneId, Side)> {
        match self {
            Selection::Zone { id, side } => vec![(id.clone(), *side)],
            Selection::Drawing { zones } | Selection::Candidate { drawing: zones, .. } => zones.clone(),
            _ => Vec::new(),
        }
    }

    /// Add the zone to the drawing, or take it out if it is already there.
    pub fn toggle(&self, zone: (ZoneId, Side)) -> Selection {
        self.with_zone(zone.clone(), !self.drawn().contains(&zone))
    }

    /// The drawing with the zone painted in (`on`) or rubbed out.
    pub fn with_zone(&self, zone: (ZoneId, Side), on: bool) -> Selection {
        let mut zones = self.drawn();
        let present = zones.contains(&zone);
        if on && !present {
            zones.push(zone);
        } else if !on && present {
            zones.retain(|z| *z != zone);
        }
        Selection::drawing(zones)
    }

    /// A friendly message if the link names something the atlas does not have.
    pub fn not_found(&self, atlas: &Atlas) -> Option<String> {
        match self {
            Selection::Nothing => None,
            Selection::Page { id } => (id != PAIN_GUIDE && atlas.page(id).is_none())
                .then(|| format!("This link names a page we do not have: \u{201c}{id}\u{201d}.")),
            Selection::Muscle { id, .. } => atlas.muscle(id).is_none().then(|| {
                let hint = did_you_mean(id.as_str(), atlas.muscles.iter().map(|m| m.id.as_str()))
                    .and_then(|s| atlas.muscle(&MuscleId::new(s)))
                    .map(|m| format!(" Did you mean {}?", m.name))
                    .unwrap_or_default();
                format!("This link names a muscle we do not have: \u{201c}{id}\u{201d}.{hint}")
            }),
            Selection::Compare { muscles } => muscles.iter().find_map(|id| {
                Selection::Muscle { id: id.clone(), side: Side::Midline }.not_found(atlas)
            }),
            Selection::Drawing { zones } => zones.iter().find_map(|(id, side)| {
                Selection::Zone { id: id.clone(), side: *side }.not_found(atlas)
            }),
            Selection::Candidate { id, side, drawing } => Selection::Muscle { id: id.clone(), side: *side }
                .not_found(atlas)
                .or_else(|| Selection::Drawing { zones: drawing.clone() }.not_found(atlas)),
            Selection::Zone { id, side } => match atlas.zone(id) {
                None => {
                    let hint = did_you_mean(id.as_str(), atlas.zones.iter().map(|z| z.id.as_str()))
                        .and_then(|s| atlas.zone(&ZoneId::new(s)))
                        .map(|z| format!(" Did you mean the {}?", z.name))
                        .unwrap_or_default();
                    Some(format!("This link names a body area we do not have: \u{201c}{id}\u{201d}.{hint}"))
                }
                Some(z) if !z.sides().contains(side) => Some(format!(
                    "This link names the {} on the {} side, which does not exist there.",
                    z.name, side
                )),
                Some(_) => None,
            },
        }
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for sel in [
            Selection::Nothing,
            Selection::Muscle { id: MuscleId::new("soleus"), side: Side::Midline },
            Selection::Muscle { id: MuscleId::new("soleus"), side: Side::Left },
            Selection::Zone { id: ZoneId::new("head.temple"), side: Side::Right },
            Selection::Page { id: "therapy".into() },
            Selection::Compare { muscles: vec![MuscleId::new("soleus"), MuscleId::new("gastrocnemius")] },
            Selection::Drawing {
                zones: vec![(ZoneId::new("head.temple"), Side::Left), (ZoneId::new("neck.back"), Side::Right)],
            },
        ] {
            assert_eq!(Selection::from_query(&sel.to_query()), sel);
        }
    }

    #[test]
    fn drawing_grows_and_shrinks_one_zone_at_a_time() {
        let temple = (ZoneId::new("head.temple"), Side::Left);
        let neck = (ZoneId::new("neck.back"), Side::Left);
        let one = Selection::Nothing.toggle(temple.clone());
        assert_eq!(one, Selection::Zone { id: temple.0.clone(), side: Side::Left });
        let two = one.toggle(neck.clone());
        assert_eq!(two.drawn(), vec![temple.clone(), neck.clone()]);
        assert_eq!(two.to_query(), "?draw=left:head.temple,left:neck.back");
        assert_eq!(two.with_zone(neck.clone(), true), two, "painting over a drawn zone keeps it");
        assert_eq!(two.toggle(temple.clone()), Selection::Zone { id: neck.0.clone(), side: Side::Left });
        assert_eq!(Selection::from_query("?draw=left:head.temple,left:head.temple,up:x"), one);
    }

    #[test]
    fn compare_holds_at_most_four_distinct_muscles() {
        let sel = Selection::from_query("?compare=a,b,a,c,d,e");
        let ids: Vec<&str> = match &sel {
            Selection::Compare { muscles } => muscles.iter().map(MuscleId::as_str).collect(),
            other => panic!("{other:?}"),
        };
        assert_eq!(ids, ["a", "b", "c", "d"]);
    }

    #[test]
    fn muscle_ids_are_read_in_any_case() {
        assert_eq!(Selection::from_query("?muscle=SOLEUS"), Selection::Muscle { id: MuscleId::new("soleus"), side: Side::Midline });
        assert_eq!(
            Selection::from_query("?muscle=Upper-Trapezius&side=left"),
            Selection::Muscle { id: MuscleId::new("upper-trapezius"), side: Side::Left }
        );
        assert_eq!(
            Selection::from_query("?compare=Soleus,GASTROCNEMIUS,soleus"),
            Selection::Compare { muscles: vec![MuscleId::new("soleus"), MuscleId::new("gastrocnemius")] }
        );
    }

    #[test]
    fn tolerates_junk() {
        assert_eq!(Selection::from_query("?utm=x&&="), Selection::Nothing);
        assert_eq!(
            Selection::from_query("?zone=head%2Etemple&side=sideways"),
            Selection::Zone { id: ZoneId::new("head.temple"), side: Side::Midline }
        );
        let opened = Selection::from_query("?muscle=soleus&side=right&draw=right:foot.heel,right:leg.calf");
        assert!(matches!(&opened, Selection::Candidate { drawing, .. } if drawing.len() == 2));
        assert_eq!(Selection::from_query(&opened.to_query()), opened);
        // Tapping the figure goes back to drawing, with the tap applied.
        assert!(matches!(opened.toggle((ZoneId::new("foot.heel"), Side::Right)), Selection::Zone { .. }));
        assert_eq!(Selection::from_query("?muscle=%zz"), Selection::Muscle { id: MuscleId::new("%zz"), side: Side::Midline });
    }
}

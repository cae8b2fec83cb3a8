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
    /// A general page, or the pain guide (`PAIN_GUIDE`).
    Page { id: String },
}

/// The page id of the derived pain guide, which is not an authored page.
pub const PAIN_GUIDE: &str = "pain-guide";

impl Selection {
    /// Read `?muscle=upper-trapezius&side=left` or `?zone=head.temple&side=left`.
    /// Unknown keys are ignored; a missing or unknown side means both sides for a muscle.
    pub fn from_query(query: &str) -> Selection {
        let mut muscle = None;
        let mut zone = None;
        let mut side = None;
        let mut page = None;
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = percent_decode(v);
            match k {
                "muscle" if !v.is_empty() => muscle = Some(v),
                "zone" if !v.is_empty() => zone = Some(v),
                "side" => side = Side::parse(&v),
                "page" if !v.is_empty() => page = Some(v),
                _ => {}
            }
        }
        match (muscle, zone) {
            (None, None) if page.is_some() => Selection::Page { id: page.unwrap_or_default() },
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
            Selection::Page { id } => format!("?page={id}"),
        }
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
        ] {
            assert_eq!(Selection::from_query(&sel.to_query()), sel);
        }
    }

    #[test]
    fn tolerates_junk() {
        assert_eq!(Selection::from_query("?utm=x&&="), Selection::Nothing);
        assert_eq!(
            Selection::from_query("?zone=head%2Etemple&side=sideways"),
            Selection::Zone { id: ZoneId::new("head.temple"), side: Side::Midline }
        );
        assert_eq!(Selection::from_query("?muscle=%zz"), Selection::Muscle { id: MuscleId::new("%zz"), side: Side::Midline });
    }
}

//! Places and complaints where referred pain can mimic serious disease, and what to say when
//! someone points at them or types them. Shown before any list of muscles: the app is a
//! reference, not a diagnosis.

use crate::model::search::words;
use crate::model::{Side, ZoneId};

/// A warning to see a doctor first; `kind` names it in the page (`data-caution`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Caution {
    pub kind: &'static str,
    pub text: &'static str,
}

pub const HEART: Caution = Caution {
    kind: "heart",
    text: "Chest, jaw or left arm pain can come from the heart. With breathlessness, sweating or \
           nausea, or on exertion, it needs emergency care: call your local emergency number.",
};
pub const ABDOMEN: Caution = Caution {
    kind: "abdomen",
    text: "Abdominal or groin pain can come from the organs inside (appendix, bowel, kidney, hernia). \
           Severe, constant or worsening pain, fever, vomiting or blood needs a doctor promptly.",
};
pub const HEADACHE: Caution = Caution {
    kind: "headache",
    text: "A sudden, severe headache (the worst ever), or headache with fever, stiff neck, confusion, \
           weakness or changes in vision, needs emergency care.",
};
pub const CLOT: Caution = Caution {
    kind: "clot",
    text: "A swollen, warm, red or tender calf can be a blood clot (deep vein thrombosis): see a doctor the same day.",
};
pub const SPINE: Caution = Caution {
    kind: "spine",
    text: "Back or leg pain with numbness in the groin, loss of bladder or bowel control, leg weakness, \
           fever or weight loss needs urgent medical care.",
};
pub const NERVE: Caution = Caution {
    kind: "nerve",
    text: "Numbness or weakness that comes on suddenly, or affects one side of the face or body, \
           can be a stroke: call your local emergency number. Numbness or weakness that lasts, \
           spreads or keeps coming back needs a doctor, who can look for a trapped nerve.",
};
pub const DIZZINESS: Caution = Caution {
    kind: "dizziness",
    text: "Sudden dizziness with weakness, numbness, slurred speech, double vision or trouble walking \
           can be a stroke: call your local emergency number. Dizziness with chest pain, a racing or \
           irregular heartbeat, or fainting needs a doctor promptly.",
};
pub const FEVER: Caution = Caution {
    kind: "fever",
    text: "Pain with fever, chills or feeling unwell can be an infection: see a doctor promptly.",
};

/// Zones of the arm, by id prefix: on the left they can be the heart.
const LEFT_ARM: [&str; 8] =
    ["shoulder.front", "shoulder.outer", "shoulder.back", "arm.", "elbow.", "forearm.", "wrist.", "hand."];

/// The caution for pain in this zone, if it is one where a doctor should be seen first.
pub fn caution(zone: &ZoneId, side: Side) -> Option<Caution> {
    let id = zone.as_str();
    // Heart pain spreads to the chest, the jaw, the left shoulder and down the left arm, most
    // often its inner side to the little finger, but any side of it. Matched by prefix, so the
    // parts of a divided zone (the upper and lower front of the arm, a finger's palm and nail
    // sides) are covered as the whole was.
    let left_arm = LEFT_ARM.iter().any(|p| id.starts_with(p));
    if id.starts_with("chest.") || id == "face.jaw" || id == "face.lower-jaw" || (side == Side::Left && left_arm) {
        Some(HEART)
    } else if id.starts_with("abdomen.") || id == "groin" {
        Some(ABDOMEN)
    } else if id.starts_with("head.") || id.starts_with("face.eye") {
        Some(HEADACHE)
    } else if id.starts_with("calf.") {
        Some(CLOT)
    } else if id.starts_with("back.low") || id.starts_with("back.sacrum") || id.starts_with("buttock.") || id.starts_with("thigh.back") {
        Some(SPINE)
    } else {
        None
    }
}

/// The cautions a typed complaint calls for, most urgent first: "chest pain", "pain down my left
/// arm", "worst headache of my life", "stomach ache", "numbness in my hand", "can't control my
/// bladder". Words are matched whole or by their start ("numb" in "numbness").
pub fn cautions_for_query(query: &str) -> Vec<Caution> {
    let w = words(query);
    let has = |stems: &[&str]| w.iter().any(|word| stems.iter().any(|s| word.starts_with(s)));
    let mut out = Vec::new();
    if has(&["chest", "heart", "angina", "breathless", "jaw"]) || (has(&["left"]) && has(&["arm", "shoulder", "elbow", "hand", "finger"])) {
        out.push(HEART);
    }
    if has(&["headach", "migrain", "head"]) {
        out.push(HEADACHE);
    }
    if has(&["numb", "weak", "paralys", "droop", "slurr", "stroke"]) {
        out.push(NERVE);
    }
    if has(&["dizz", "vertig", "lighthead", "faint", "unsteady"]) {
        out.push(DIZZINESS);
    }
    if has(&["bladder", "bowel", "incontinen", "saddle", "sciatic"]) || (has(&["back"]) && has(&["numb", "weak"])) {
        out.push(SPINE);
    }
    if has(&["stomach", "abdom", "belly", "tummy", "groin", "appendi", "navel", "bellyache"]) {
        out.push(ABDOMEN);
    }
    if has(&["calf", "swollen", "swelling"]) {
        out.push(CLOT);
    }
    if has(&["fever", "chill", "temperature"]) {
        out.push(FEVER);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chest_and_left_arm_warn_of_the_heart() {
        assert_eq!(caution(&ZoneId::new("chest.upper"), Side::Right), Some(HEART));
        assert_eq!(caution(&ZoneId::new("arm.front"), Side::Left), Some(HEART));
        assert!(caution(&ZoneId::new("arm.front"), Side::Right).is_none());
        assert_eq!(caution(&ZoneId::new("hand.little-palm"), Side::Left), Some(HEART));
        assert_eq!(caution(&ZoneId::new("arm.outer-lower"), Side::Left), Some(HEART));
        assert!(caution(&ZoneId::new("arm.outer-lower"), Side::Right).is_none());
        assert!(caution(&ZoneId::new("knee.front"), Side::Left).is_none());
    }

    #[test]
    fn complaints_that_can_be_serious_bring_their_caution_first() {
        assert!(cautions_for_query("dizziness when I turn my head").contains(&DIZZINESS));
        assert!(cautions_for_query("vertigo").contains(&DIZZINESS));
        let kinds = |q: &str| cautions_for_query(q).iter().map(|c| c.kind).collect::<Vec<_>>();
        assert_eq!(kinds("chest pain"), ["heart"]);
        assert_eq!(kinds("pain down my left arm"), ["heart"]);
        assert_eq!(kinds("worst headache of my life"), ["headache"]);
        assert_eq!(kinds("stomach ache"), ["abdomen"]);
        assert_eq!(kinds("numbness in hand"), ["nerve"]);
        assert_eq!(kinds("low back pain and I can't control my bladder"), ["spine"]);
        assert_eq!(kinds("calf pain with fever"), ["clot", "fever"]);
        // Everyday complaints with no red flag stay calm.
        assert!(kinds("tennis elbow").is_empty());
        assert!(kinds("pain in my right arm").is_empty());
        assert!(kinds("knee pain").is_empty());
    }
}

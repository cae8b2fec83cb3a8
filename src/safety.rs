//! Places where referred pain can mimic serious disease, and what to say when someone points
//! at them. Shown before any list of muscles: the app is a reference, not a diagnosis.

use crate::model::{Side, ZoneId};

/// The caution for pain in this zone, if it is one where a doctor should be seen first.
pub fn caution(zone: &ZoneId, side: Side) -> Option<&'static str> {
    let id = zone.as_str();
    let heart = "Pain here can come from the heart. Chest, left arm or jaw pain with breathlessness, \
                 sweating, nausea or on exertion needs emergency care: call your local emergency number.";
    // Heart pain spreads to the chest, the jaw, and down the inner side of the left arm to the
    // little finger.
    let left_arm = matches!(
        id,
        "arm.front" | "arm.back" | "shoulder.front" | "elbow.inner" | "forearm.little-finger-side" | "hand.ring" | "hand.little"
    );
    if id.starts_with("chest.") || id == "face.jaw" || id == "face.lower-jaw" || (side == Side::Left && left_arm) {
        Some(heart)
    } else if id.starts_with("abdomen.") || id == "groin" {
        Some("Abdominal or groin pain can come from the organs inside (appendix, bowel, kidney, hernia). \
              Severe, constant or worsening pain, fever, vomiting or blood needs a doctor promptly.")
    } else if id.starts_with("head.") || id.starts_with("face.eye") {
        Some("A sudden, severe headache (the worst ever), or headache with fever, stiff neck, confusion, \
              weakness or changes in vision, needs emergency care.")
    } else if id.starts_with("calf.") {
        Some("A swollen, warm, red or tender calf can be a blood clot (deep vein thrombosis): see a doctor the same day.")
    } else if id.starts_with("back.low") || id.starts_with("back.sacrum") || id.starts_with("buttock.") || id.starts_with("thigh.back") {
        Some("Back or leg pain with numbness in the groin, loss of bladder or bowel control, leg weakness, \
              fever or weight loss needs urgent medical care.")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chest_and_left_arm_warn_of_the_heart() {
        assert!(caution(&ZoneId::new("chest.upper"), Side::Right).unwrap().contains("heart"));
        assert!(caution(&ZoneId::new("arm.front"), Side::Left).unwrap().contains("heart"));
        assert!(caution(&ZoneId::new("arm.front"), Side::Right).is_none());
        assert!(caution(&ZoneId::new("hand.little"), Side::Left).unwrap().contains("heart"));
        assert!(caution(&ZoneId::new("knee.front"), Side::Left).is_none());
    }
}

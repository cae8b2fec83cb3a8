//! How far a phone's page scrolls up after a choice, so that what was chosen clears the answer
//! sheet over the bottom of the screen. Plain numbers (CSS pixels from the top of the screen),
//! so the rule is tested natively; the component measures and scrolls.

/// A vertical extent on screen: top and bottom.
pub type Span = (f64, f64);

/// The distance to scroll up (0 when nothing needs to move). `must` has to clear the sheet (a
/// muscle's trigger point marks, the area tapped); `rather` is what would be good to see too (a
/// muscle's essential pain area, which may lie far from its marks: the heel, for the calf's
/// soleus). Neither is pushed above `ceiling` (the bottom of what stays on top of the page);
/// what must be seen wins over what would be good to see.
pub fn scroll_up(must: Span, rather: Option<Span>, sheet_top: f64, ceiling: f64) -> f64 {
    let need = (must.1 - sheet_top).min(must.0 - ceiling);
    let all = rather.map_or(must, |r| (r.0.min(must.0), r.1.max(must.1)));
    let want = (all.1 - sheet_top).min(all.0 - ceiling);
    need.max(want).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: f64 = 474.0;
    const CEILING: f64 = 64.0;

    #[test]
    fn marks_under_the_sheet_come_up_just_clear_of_it() {
        assert_eq!(scroll_up((500.0, 560.0), None, SHEET, CEILING), 86.0);
        assert_eq!(scroll_up((100.0, 200.0), None, SHEET, CEILING), 0.0, "already in sight");
    }

    #[test]
    fn the_pain_area_comes_up_too_while_the_top_of_it_stays_on_screen() {
        // Soleus: marks on the calf, pain from the low back to the heel.
        let up = scroll_up((560.0, 600.0), Some((300.0, 800.0)), SHEET, CEILING);
        assert_eq!(up, 236.0, "as far as the top of the pattern allows");
        assert!(600.0 - up <= SHEET, "the marks clear the sheet");
        // A pattern that fits shows whole.
        assert_eq!(scroll_up((400.0, 450.0), Some((380.0, 520.0)), SHEET, CEILING), 46.0);
    }

    #[test]
    fn the_marks_win_over_the_top_of_the_pattern() {
        // The pattern reaches the top of the screen: the marks still come up clear of the sheet.
        let up = scroll_up((600.0, 640.0), Some((80.0, 700.0)), SHEET, CEILING);
        assert_eq!(up, 166.0);
    }
}

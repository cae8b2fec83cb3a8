//! Leptos components. Each renders state it is given; none computes a domain answer.

pub mod actions;
pub mod atlas_file;
pub mod body_figure;
pub mod compare_view;
pub mod drawing_panel;
pub mod explorer;
pub mod legend;
pub mod load_error;
pub mod muscle_list;
pub mod muscle_panel;
pub mod page_view;
pub mod search_box;
pub mod texts;
pub mod zone_panel;

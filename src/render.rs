//! How a view of the body is drawn, in plain Rust: the static SVG markup of its shapes (built
//! once, parsed by the browser) and the smooth shapes a highlight lays over it. The component
//! in `components/body_figure` only inserts these and switches shapes' states.

pub mod layers;
pub mod markup;

pub use layers::{Layers, ZoneInstance};

//! The atlas data model: zones of the body, muscles, their trigger points and referral patterns,
//! the sources they come from, and the figure they are drawn on. Plain Rust, no browser: every
//! computation here is tested natively.

pub mod answer;
pub mod atlas;
pub mod complaint;
pub mod diagnose;
pub mod figure;
pub mod geometry;
pub mod identifiers;
pub mod ids;
pub mod index;
pub mod lookup;
pub mod outline;
pub mod muscle;
pub mod page;
pub mod parts;
pub mod points;
pub mod rank;
pub mod related;
pub mod search;
pub mod source;
pub mod text;
pub mod suggest;
pub mod validate;
pub mod zone;

pub use answer::{Answer, Found, Why};
pub use atlas::{Atlas, LoadError};
pub use complaint::Complaint;
pub use figure::{Detail, Figure, View, ViewId, ZoneShape};
pub use identifiers::Identifiers;
pub use ids::{MuscleId, SourceId, ZoneId};
pub use index::{AtlasIndex, LazyIndex};
pub use lookup::{Referral, Strength};
pub use muscle::{Depth, Mark, Muscle, MuscleShape, Region, TriggerPoint};
pub use page::Page;
pub use source::Source;
pub use text::{MuscleText, TextFile, Texts};
pub use validate::Problem;
pub use zone::{Laterality, ReferralSide, Side, Zone, ZoneTarget};

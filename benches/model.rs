//! Native benchmark of the model on the shipped data: `cargo bench --bench model`.
//! Prints microseconds (median of repeated batches) and checks the ranking budget.

use std::hint::black_box;
use std::time::Instant;
use trigger_atlas::highlight::Highlight;
use trigger_atlas::model::{Atlas, AtlasIndex, MuscleId, Side, ZoneId};
use trigger_atlas::render::layers::{zone_instances, Layers};
use trigger_atlas::url_state::Selection;

/// Median time of one call, in microseconds, over `batches` batches of `per_batch` calls.
fn measure(per_batch: u32, batches: u32, mut f: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..batches)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            t.elapsed().as_secs_f64() * 1e6 / per_batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let json = std::fs::read_to_string("public/atlas.json").expect("public/atlas.json (run from the repo root)");
    let atlas = Atlas::from_json(&json).expect("the shipped data loads");
    let tps: usize = atlas.muscles.iter().map(|m| m.trigger_points.len()).sum();
    println!("Model benchmark on the shipped data: {} muscles, {tps} trigger points, {} zones, {} bytes of JSON",
        atlas.muscles.len(), atlas.zones.len(), json.len());

    let parse = measure(3, 15, || {
        black_box(serde_json::from_str::<Atlas>(black_box(&json)).unwrap());
    });
    let parsed: Atlas = serde_json::from_str(&json).unwrap();
    let validate = measure(3, 15, || {
        black_box(trigger_atlas::model::validate::validate(black_box(&parsed)));
    });
    let load = measure(3, 15, || {
        black_box(Atlas::from_json(black_box(&json)).unwrap());
    });
    let build = measure(3, 15, || {
        black_box(AtlasIndex::new(black_box(&atlas)));
    });
    let index = AtlasIndex::new(&atlas);
    let temple = ZoneId::new("head.temple");
    let lookup = measure(200, 25, || {
        black_box(atlas.referrals_to(black_box(&temple), Side::Left));
    });
    let guide = measure(5, 15, || {
        black_box(atlas.pain_guide());
    });
    // Ten zones a patient with a headache and neck and shoulder pain might draw.
    let drawing: Vec<(ZoneId, Side)> = [
        "head.temple", "head.occiput", "head.mastoid", "neck.back", "neck.side", "neck.base",
        "shoulder.top", "back.interscapular", "face.eye", "face.jaw",
    ]
    .iter()
    .map(|z| (ZoneId::new(*z), Side::Left))
    .filter(|(z, _)| atlas.zone(z).is_some())
    .collect();
    let rank = measure(50, 25, || {
        black_box(index.rank_drawing(&atlas, black_box(&drawing)));
    });
    let search = measure(20, 25, || {
        black_box(index.search(black_box("headache on top of my head")));
    });
    let typo = measure(20, 25, || {
        black_box(index.search(black_box("trapezuis")));
    });

    // What one tap costs the figure: the highlight of a chosen muscle, and the merged pattern
    // shapes of every view (the essential, spillover and drawing layers).
    let views: Vec<_> = atlas.figure.views.iter().map(zone_instances).collect();
    let chosen = Selection::Muscle { id: MuscleId::new("upper-trapezius"), side: Side::Left };
    let highlight = measure(20, 25, || {
        black_box(Highlight::of(&atlas, black_box(&chosen)));
    });
    let lit = Highlight::of(&atlas, &chosen);
    let layers = measure(20, 25, || {
        for zones in &views {
            black_box(Layers::of(zones, black_box(&lit)));
        }
    });

    let row = |what: &str, us: f64, budget: Option<f64>| {
        let verdict = match budget {
            Some(b) if us <= b => format!("under the {b} µs budget"),
            Some(b) => format!("OVER the {b} µs budget"),
            None => String::new(),
        };
        println!("  {what:<44} {us:>10.1} µs  {verdict}");
    };
    row("load and validate the data file", load, None);
    row("... of which parse", parse, None);
    row("... of which validate", validate, None);
    row("build the lookup index (once, after loading)", build, None);
    row("pain-guide lookup, one zone", lookup, None);
    row("pain guide, every zone", guide, None);
    row(&format!("rank a drawing of {} zones", drawing.len()), rank, Some(100.0));
    row("search \"headache on top of my head\"", search, None);
    row("search with a typo \"trapezuis\"", typo, None);
    row("highlight of a chosen muscle", highlight, None);
    row("pattern shapes of a muscle on every view", layers, Some(2000.0));
}

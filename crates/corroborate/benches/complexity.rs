//! How the whole ledger's cost grows with its input, on the shapes that break a
//! pipeline comparing each new item with all earlier ones
//! (`corroborate::internals::Shape`): each shape built at n and 4n in one run, the
//! ledger built and written as JSON, and the CPU time of the process (user + system,
//! read from `/proc/self/stat`; wall time where that file is missing) compared.
//! Issue 28 asks for at most 4.6 times the time at 4 times the input.
//!
//! `cargo bench -p corroborate --features unstable-internals --bench complexity`
//! runs the full sizes (about a minute of CPU); `-- --quick` runs them at a tenth.

use std::time::{Duration, Instant};

use corroborate::LedgerBuilder;
use corroborate::internals::Shape;

/// The allocator the `corroborate` command runs the library with.
#[global_allocator]
static ALLOCATOR: corroborate_alloc::Allocator = corroborate_alloc::Allocator;

/// The largest size of each shape: the sizes issue 28 names.
fn full_size(shape: Shape) -> usize {
    match shape {
        Shape::LongDocument => 350_000,
        Shape::OneStory | Shape::OneReading => 10_000,
        Shape::UnrelatedArticles => 100_000,
        Shape::OneEntity => 1_000_000,
    }
}

/// CPU time (user + system) the process has used so far, or `None` off Linux.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) closed by ')'.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<u64>().ok();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name;
    // the kernel reports them in USER_HZ, 100 a second on every Linux target.
    let total = ticks(11)? + ticks(12)?;
    Some(Duration::from_millis(total * 10))
}

/// Seconds to build and write the ledger of `shape` at size `n`, by the CPU clock
/// when there is one.
fn seconds(shape: Shape, n: usize) -> (f64, &'static str) {
    let documents = shape.documents(n);
    let (cpu, wall) = (cpu_time(), Instant::now());
    let ledger = LedgerBuilder::new()
        .documents(documents)
        .build()
        .expect("the shapes build");
    ledger
        .write_json(std::io::sink())
        .expect("the sink takes anything");
    drop(ledger);
    match (cpu, cpu_time()) {
        (Some(before), Some(after)) => ((after - before).as_secs_f64(), "CPU"),
        _ => (wall.elapsed().as_secs_f64(), "wall"),
    }
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    // The tagger's model loads on first use: not part of any size's time.
    seconds(Shape::OneStory, 1);
    println!("| shape | n | time at n | 4n | time at 4n | ratio |");
    println!("|---|---|---|---|---|---|");
    for shape in Shape::ALL {
        let large = full_size(shape) / if quick { 10 } else { 1 };
        let small = large / 4;
        let (t_small, clock) = seconds(shape, small);
        let (t_large, _) = seconds(shape, large);
        println!(
            "| {shape:?} | {small} {unit} | {t_small:.2} s {clock} | {large} | {t_large:.2} s | {:.2}× |",
            t_large / t_small,
            unit = shape.unit(),
        );
    }
}

//! Web-page throughput (MiB/s of raw HTML): article body and metadata extraction over
//! the development pages of `../shared/eval/article-extraction` (skipped with a message
//! when that folder is absent), and over one synthetic page nested far too deep.

use std::io::Read;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The allocator the `corroborate` command and the Python package run the library
/// with: the figures measured here are the ones their users see.
#[global_allocator]
static ALLOCATOR: corroborate_alloc::Allocator = corroborate_alloc::Allocator;

fn pages_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/article-extraction/html")
}

/// The benchmark pages, gunzipped, in file-name order.
fn pages() -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(pages_root()) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .filter_map(|p| {
            let gz = std::fs::read(p).ok()?;
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&gz[..])
                .read_to_end(&mut out)
                .ok()?;
            Some(out)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("html");
    group.sample_size(10);
    let pages = pages();
    if pages.is_empty() {
        eprintln!(
            "html bench: {} is absent, dev pages skipped",
            pages_root().display()
        );
    } else {
        let bytes: usize = pages.iter().map(Vec::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("dev_pages", |b| {
            b.iter(|| {
                pages
                    .iter()
                    .map(|p| corroborate::internals::html::extract(p, None).text.len())
                    .sum::<usize>()
            })
        });
    }
    let deep = format!(
        "<html><body>{}<p>The bottom of the page.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    group.throughput(Throughput::Bytes(deep.len() as u64));
    group.bench_function("nested_100k", |b| {
        b.iter(|| {
            corroborate::internals::html::extract(deep.as_bytes(), None)
                .text
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

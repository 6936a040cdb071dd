//! Whole-ledger and text-stage throughput on real news text: the ECB+ articles of
//! `../shared/eval/ecbplus` (tokens joined by spaces, one sentence a line, as the
//! reference scorer feeds them), and the time at 1×, 2×, 4× and 8× the documents.
//! Skipped with a message when `../shared` is absent.

use std::path::{Path, PathBuf};

use corroborate::internals::text::Analysis;
use corroborate::{DocumentInput, LedgerBuilder};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The allocator the `corroborate` command and the Python package run the library
/// with: the figures measured here are the ones their users see.
#[global_allocator]
static ALLOCATOR: corroborate_alloc::Allocator = corroborate_alloc::Allocator;

fn ecb_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/ecbplus")
}

/// The text of one ECB+ file: its tokens joined by spaces, a line per sentence.
fn ecb_text(xml: &str) -> String {
    let mut text = String::new();
    let mut current_sentence = None;
    for piece in xml.split("<token ").skip(1) {
        let Some(sentence) = piece
            .split("sentence=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
        else {
            continue;
        };
        let Some(word) = piece
            .split('>')
            .nth(1)
            .and_then(|s| s.split("</token").next())
        else {
            continue;
        };
        let word = word
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"");
        match current_sentence {
            Some(s) if s == sentence => text.push(' '),
            Some(_) => text.push('\n'),
            None => {}
        }
        current_sentence = Some(sentence);
        text.push_str(&word);
    }
    text.push('\n');
    text
}

/// ECB+ documents of topics 1–35, as (id, text), in name order.
fn ecb_documents() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(ecb_root())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .flat_map(|topic| {
            std::fs::read_dir(topic.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| {
            let xml = std::fs::read_to_string(p).ok()?;
            let id = p.file_stem()?.to_string_lossy().into_owned();
            Some((id, ecb_text(&xml)))
        })
        .collect()
}

fn inputs(docs: &[(String, String)], copies: usize) -> Vec<DocumentInput> {
    (0..copies)
        .flat_map(|copy| {
            docs.iter().map(move |(id, text)| {
                DocumentInput::text(format!("{id}-{copy}"), text.clone()).published("2024-07-16")
            })
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let docs = ecb_documents();
    if docs.is_empty() {
        eprintln!("../shared/eval/ecbplus not found: ledger benchmarks skipped");
        return;
    }
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();

    let mut group = c.benchmark_group("text_stage");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("ecbplus", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(_, t)| Analysis::new(t).tokens.len())
                .sum::<usize>()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("ledger");
    group.sample_size(10);
    for copies in [1, 2, 4, 8] {
        group.throughput(Throughput::Bytes((bytes * copies) as u64));
        group.bench_with_input(
            BenchmarkId::new("ecbplus", format!("{copies}x")),
            &copies,
            |b, &copies| {
                b.iter_batched(
                    || inputs(&docs, copies),
                    |inputs| LedgerBuilder::new().documents(inputs).build().unwrap(),
                    criterion::BatchSize::LargeInput,
                )
            },
        );
    }
    group.finish();
}

criterion_group!(ledger, benches);
criterion_main!(ledger);

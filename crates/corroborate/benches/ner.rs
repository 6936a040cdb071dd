//! Tagger throughput in words per second on the CoNLL-2003 development set
//! (`../shared/eval/conll2003/eng.testa`), documents tagged one at a time as the
//! pipeline does. Skipped with a message when `../shared` is absent.

use std::path::Path;

use corroborate::internals::Tagger;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The allocator the `corroborate` command and the Python package run the library
/// with: the figures measured here are the ones their users see.
#[global_allocator]
static ALLOCATOR: corroborate_alloc::Allocator = corroborate_alloc::Allocator;

/// The documents of a CoNLL file: sentences of words.
fn documents(text: &str) -> Vec<Vec<Vec<String>>> {
    let mut documents: Vec<Vec<Vec<String>>> = vec![Vec::new()];
    let mut sentence: Vec<String> = Vec::new();
    for line in text.lines() {
        let docstart = line.starts_with("-DOCSTART-");
        if docstart || line.trim().is_empty() {
            if !sentence.is_empty() {
                documents
                    .last_mut()
                    .expect("never empty")
                    .push(std::mem::take(&mut sentence));
            }
            if docstart {
                documents.push(Vec::new());
            }
        } else {
            sentence.push(line.split(' ').next().unwrap_or_default().to_string());
        }
    }
    if !sentence.is_empty() {
        documents.last_mut().expect("never empty").push(sentence);
    }
    documents.retain(|d| !d.is_empty());
    documents
}

fn bench(c: &mut Criterion) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/conll2003/eng.testa");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping the ner bench: {} is absent", path.display());
        return;
    };
    let docs = documents(&text);
    let words: usize = docs.iter().flatten().map(Vec::len).sum();
    let tagger = Tagger::shipped();
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(words as u64));
    group.sample_size(10);
    group.bench_function("eng.testa", |b| {
        b.iter(|| {
            tagger
                .tag_documents(&docs)
                .iter()
                .map(Vec::len)
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

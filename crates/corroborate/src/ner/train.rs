//! Training (cargo feature `train`): a structured averaged perceptron (Collins 2002).
//! Sentences are visited in a seeded shuffled order, the model's best tag sequence is
//! compared with the gold one and the features of each wrong word move towards the gold
//! tag. The average of the weights over all steps is the model; after each epoch the
//! caller scores it (on held-out data) and the best epoch is kept. Everything is integer
//! arithmetic in a fixed order, so the same data and seed give the same bytes.
//!
//! The second stage learns from how the first tagged each word's other occurrences in
//! the document. Its training data must show first-stage mistakes as they happen on
//! unseen text, so those tags come from first-stage models trained on the other folds of
//! the documents (jackknifing), never from the model that saw them.

use std::collections::HashMap;

use super::Tagger;
use super::features::{DocView, Features, History};
use super::model::{TRANSITIONS, Weights};
use super::tags::{self, TAGS};
use crate::model::EntityKind;

/// A training sentence: its words and gold names (first word, one past the last, kind).
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// The words.
    pub words: Vec<String>,
    /// The gold names.
    pub names: Vec<(usize, usize, EntityKind)>,
}

/// How to train.
#[derive(Debug, Clone)]
pub struct Options {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the sentence order.
    pub seed: u64,
    /// Features seen fewer times in the training data are dropped.
    pub min_count: u32,
    /// Train the document-consistency second stage.
    pub two_stage: bool,
    /// Folds for the first-stage tags the second stage learns from.
    pub folds: usize,
    /// Quantized weights smaller than this (in absolute value, out of 32767 for the
    /// largest) are dropped: a smaller table is faster to look up.
    pub prune: i16,
}

/// One sentence as training sees it: feature indexes per word and gold tags.
struct Example {
    features: Vec<u32>,
    starts: Vec<usize>,
    gold: Vec<u8>,
}

/// The perceptron's weights with the running sums that averaging needs.
struct Perceptron {
    weights: Vec<i32>,
    sums: Vec<i64>,
    transitions: Vec<i32>,
    transition_sums: Vec<i64>,
    step: i64,
}

impl Perceptron {
    fn emissions(&self, example: &Example, out: &mut Vec<[i32; TAGS]>) {
        out.clear();
        for w in example.starts.windows(2) {
            let mut scores = [0i32; TAGS];
            for &f in &example.features[w[0]..w[1]] {
                let row = &self.weights[f as usize * TAGS..][..TAGS];
                for (s, &v) in scores.iter_mut().zip(row) {
                    *s += v;
                }
            }
            out.push(scores);
        }
    }

    fn bump(&mut self, index: usize, delta: i32) {
        self.weights[index] += delta;
        self.sums[index] += self.step * i64::from(delta);
    }

    fn bump_transition(&mut self, index: usize, delta: i32) {
        self.transitions[index] += delta;
        self.transition_sums[index] += self.step * i64::from(delta);
    }

    fn learn(&mut self, example: &Example, predicted: &[u8]) {
        for (i, (&gold, &guess)) in example.gold.iter().zip(predicted).enumerate() {
            if gold != guess {
                for &f in &example.features[example.starts[i]..example.starts[i + 1]] {
                    self.bump(f as usize * TAGS + gold as usize, 1);
                    self.bump(f as usize * TAGS + guess as usize, -1);
                }
            }
            let previous = |tags: &[u8]| if i == 0 { TAGS } else { tags[i - 1] as usize };
            let (gold_pair, guess_pair) = (
                previous(&example.gold) * TAGS + gold as usize,
                previous(predicted) * TAGS + guess as usize,
            );
            if gold_pair != guess_pair {
                self.bump_transition(gold_pair, 1);
                self.bump_transition(guess_pair, -1);
            }
        }
    }

    /// The averaged weights, quantized to 16 bits.
    fn averaged(&self, keys: &[u32], prune: i16) -> Weights {
        let step = self.step as f64;
        let average = |w: i32, sum: i64| f64::from(w) - sum as f64 / step;
        let rows: Vec<f64> = self
            .weights
            .iter()
            .zip(&self.sums)
            .map(|(&w, &s)| average(w, s))
            .collect();
        let transitions: Vec<f64> = self
            .transitions
            .iter()
            .zip(&self.transition_sums)
            .map(|(&w, &s)| average(w, s))
            .collect();
        let largest = rows
            .iter()
            .chain(&transitions)
            .fold(1e-9f64, |m, v| m.max(v.abs()));
        let scale = f64::from(i16::MAX) / largest;
        let entries = keys
            .iter()
            .zip(rows.chunks_exact(TAGS))
            .filter_map(|(&key, row)| {
                let mut quantized = [0i16; TAGS];
                for (q, &v) in quantized.iter_mut().zip(row) {
                    let value = (v * scale).round() as i16;
                    *q = if value.abs() < prune { 0 } else { value };
                }
                quantized
                    .iter()
                    .any(|&q| q != 0)
                    .then_some((key, quantized))
            })
            .collect();
        let transitions = transitions
            .iter()
            .map(|&v| (v * scale).round() as i32)
            .collect();
        Weights::new(entries, transitions)
    }
}

/// A small deterministic generator for the sentence order (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }
}

/// Trains on `documents`; after each epoch of each stage, `score(stage, epoch, &tagger)`
/// rates the tagger so far (higher is better) and the best epoch of the stage is kept.
/// Returns the tagger and, per stage, the kept epoch and its score.
pub fn train(
    documents: &[Vec<Sentence>],
    options: &Options,
    mut score: impl FnMut(usize, usize, &Tagger) -> f64,
) -> (Tagger, Vec<(usize, f64)>) {
    let all: Vec<&[Sentence]> = documents.iter().map(Vec::as_slice).collect();
    let (first, epoch, value) = train_stage(&all, None, &[], options, options.epochs, |e, t| {
        score(1, e, t)
    });
    let mut kept = vec![(epoch, value)];
    if !options.two_stage {
        return (first, kept);
    }
    let folds = options.folds.max(2);
    let mut predicted: Vec<Vec<Vec<u8>>> = vec![Vec::new(); all.len()];
    for fold in 0..folds {
        let rest: Vec<&[Sentence]> = (0..all.len())
            .filter(|d| d % folds != fold)
            .map(|d| all[d])
            .collect();
        let (model, _, _) = train_stage(&rest, None, &[], options, epoch, |_, _| 0.0);
        for d in (0..all.len()).filter(|d| d % folds == fold) {
            predicted[d] = model.tags(&DocView::new(&words(all[d])), &mut Vec::new());
        }
    }
    let earlier = first.weights();
    let (tagger, epoch, value) = train_stage(
        &all,
        Some(&predicted),
        &earlier,
        options,
        options.epochs,
        |e, t| score(2, e, t),
    );
    kept.push((epoch, value));
    (tagger, kept)
}

fn words(document: &[Sentence]) -> Vec<Vec<&str>> {
    document
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect()
}

/// Trains one stage over `earlier` ones for `epochs`, keeping the best-scoring epoch.
/// `history` holds, per document, the tags the second stage learns from.
fn train_stage(
    documents: &[&[Sentence]],
    history: Option<&[Vec<Vec<u8>>]>,
    earlier: &[Weights],
    options: &Options,
    epochs: usize,
    mut score: impl FnMut(usize, &Tagger) -> f64,
) -> (Tagger, usize, f64) {
    let (keys, examples) = examples(documents, history, options.min_count);
    let mut perceptron = Perceptron {
        weights: vec![0; keys.len() * TAGS],
        sums: vec![0; keys.len() * TAGS],
        transitions: vec![0; TRANSITIONS],
        transition_sums: vec![0; TRANSITIONS],
        step: 1,
    };
    let mut rng = Rng(options.seed | 1);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut emissions = Vec::new();
    let mut best: Option<(Tagger, usize, f64)> = None;
    let stages = |weights: Weights| {
        let mut stages = earlier.to_vec();
        stages.push(weights);
        Tagger::new(&stages)
    };
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &e in &order {
            let example = &examples[e];
            perceptron.emissions(example, &mut emissions);
            let predicted = tags::viterbi(&emissions, &perceptron.transitions);
            if predicted != example.gold {
                perceptron.learn(example, &predicted);
            }
            perceptron.step += 1;
        }
        let tagger = stages(perceptron.averaged(&keys, options.prune));
        let value = score(epoch, &tagger);
        if best.as_ref().is_none_or(|b| value > b.2) {
            best = Some((tagger, epoch, value));
        }
    }
    best.unwrap_or_else(|| (stages(perceptron.averaged(&keys, options.prune)), 0, 0.0))
}

/// Each word's keys of `a` then of `b`.
fn joined(a: &Features, b: &Features) -> Features {
    let mut out = Features::default();
    for i in 0..a.len() {
        out.starts.push(out.keys.len());
        out.keys.extend_from_slice(a.of(i));
        out.keys.extend_from_slice(b.of(i));
    }
    out.starts.push(out.keys.len());
    out
}

/// The kept feature keys (ascending) and every sentence as feature indexes.
fn examples(
    documents: &[&[Sentence]],
    history: Option<&[Vec<Vec<u8>>]>,
    min_count: u32,
) -> (Vec<u32>, Vec<Example>) {
    let mut raw: Vec<(Features, Vec<u8>)> = Vec::new();
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for (d, document) in documents.iter().enumerate() {
        let view = DocView::new(&words(document));
        let history = history.map(|h| History::new(&view, h[d].clone()));
        for (s, sentence) in document.iter().enumerate() {
            let mut features = Features::default();
            view.features(s, &mut features);
            if let Some(history) = &history {
                let mut extra = Features::default();
                view.history_features(s, history, &mut extra);
                features = joined(&features, &extra);
            }
            for &k in &features.keys {
                *counts.entry(k).or_default() += 1;
            }
            raw.push((
                features,
                tags::encode(sentence.words.len(), &sentence.names),
            ));
        }
    }
    let mut keys: Vec<u32> = counts
        .iter()
        .filter(|&(_, &c)| c >= min_count)
        .map(|(&k, _)| k)
        .collect();
    keys.sort_unstable();
    let index: HashMap<u32, u32> = keys
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    let examples = raw
        .into_iter()
        .map(|(features, gold)| {
            let mut kept = Vec::with_capacity(features.keys.len());
            let mut starts = vec![0];
            for i in 0..features.len() {
                kept.extend(features.of(i).iter().filter_map(|k| index.get(k).copied()));
                starts.push(kept.len());
            }
            Example {
                features: kept,
                starts,
                gold,
            }
        })
        .collect();
    (keys, examples)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str, names: &[(usize, usize, EntityKind)]) -> Sentence {
        Sentence {
            words: text.split(' ').map(str::to_string).collect(),
            names: names.to_vec(),
        }
    }

    #[test]
    fn training_learns_a_toy_task_deterministically() {
        let documents = vec![vec![
            sentence(
                "Anna Berg met Carl in Oslo .",
                &[
                    (0, 2, EntityKind::Person),
                    (3, 4, EntityKind::Person),
                    (5, 6, EntityKind::Location),
                ],
            ),
            sentence(
                "Carl flew to Oslo .",
                &[(0, 1, EntityKind::Person), (3, 4, EntityKind::Location)],
            ),
        ]];
        let options = Options {
            epochs: 5,
            seed: 7,
            min_count: 1,
            two_stage: true,
            folds: 2,
            prune: 0,
        };
        let (first, kept) = train(&documents, &options, |_, _, _| 0.0);
        let (second, _) = train(&documents, &options, |_, _, _| 0.0);
        assert_eq!(kept.len(), 2);
        assert_eq!(first.stages.len(), 2);
        assert_eq!(first.to_bytes(), second.to_bytes());
        let found = first.tag_document(&[vec!["Carl", "met", "Anna", "Berg", "in", "Oslo", "."]]);
        let kinds: Vec<_> = found.iter().map(|t| (t.start, t.end, t.kind)).collect();
        assert!(kinds.contains(&(5, 6, EntityKind::Location)), "{kinds:?}");
    }
}

//! `events ECBDIR [--topics 1-35] [--misses]`: event trigger detection on ECB+.
//!
//! Each ECB+ file becomes one document: the sentences listed in
//! `ECBplus_coreference_sentences.csv` (as published work does), tokens joined by single
//! spaces and sentences by newlines. Gold: every `ACTION_*` and `NEG_ACTION_*` mention of
//! those sentences. A predicted trigger is right when it overlaps a gold mention; a gold
//! mention is found when a predicted trigger overlaps it. Prints precision, recall and F1
//! over all action mentions, and recall over the `ACTION_OCCURRENCE` ones alone (ECB+
//! also marks reporting verbs, states and aspectual verbs, which corroborate's event
//! vocabulary leaves out on purpose); the pooled figures come last.

use corroborate_eval::xml::{attribute, unescape};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One gold action mention: byte range in the built text and its ECB+ class.
struct Gold {
    start: usize,
    end: usize,
    class: String,
}

/// Counts over the scored files.
#[derive(Default)]
struct Counts {
    gold: usize,
    found: usize,
    predicted: usize,
    right: usize,
    occurrences: usize,
    occurrences_found: usize,
}

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    let usage = "usage: corroborate-eval events ECBDIR [--topics 1-35] [--misses]";
    let root = args.first().filter(|a| !a.starts_with("--")).ok_or(usage)?;
    let root = PathBuf::from(root);
    let topics = match args.iter().position(|a| a == "--topics") {
        Some(i) => parse_range(args.get(i + 1).ok_or(usage)?)?,
        None => (1, 35),
    };
    let verbose = args.iter().any(|a| a == "--misses");
    let selected = read_selection(&root.join("ECBplus_coreference_sentences.csv"))?;
    let mut counts = Counts::default();
    for topic in topics.0..=topics.1 {
        let dir = root.join(topic.to_string());
        if !dir.is_dir() {
            continue;
        }
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "xml"))
            .collect();
        files.sort();
        for file in files {
            let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let key = stem.split_once('_').map_or(stem, |(_, rest)| rest);
            let Some(sentences) = selected.get(&(topic, key.to_string())) else {
                continue;
            };
            score_file(&file, sentences, verbose, &mut counts)?;
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let p = ratio(counts.right, counts.predicted);
    let r = ratio(counts.found, counts.gold);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    println!(
        "ACTION_OCCURRENCE recall {:.3} ({}/{})",
        ratio(counts.occurrences_found, counts.occurrences),
        counts.occurrences_found,
        counts.occurrences
    );
    println!(
        "event triggers, topics {}-{}: gold {} predicted {} P {p:.3} R {r:.3} F1 {f:.3}",
        topics.0, topics.1, counts.gold, counts.predicted
    );
    Ok(())
}

/// "1-35" → (1, 35).
fn parse_range(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("bad topic range {text:?}");
    let (a, b) = text.split_once('-').unwrap_or((text, text));
    Ok((a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?))
}

/// (topic, file key like "10ecbplus") → selected sentence numbers.
fn read_selection(path: &Path) -> Result<BTreeMap<(u32, String), BTreeSet<u32>>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut map: BTreeMap<(u32, String), BTreeSet<u32>> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let [topic, file, sentence] = fields.as_slice() else {
            continue;
        };
        let (Ok(topic), Ok(sentence)) = (topic.parse(), sentence.parse()) else {
            continue;
        };
        map.entry((topic, file.to_string()))
            .or_default()
            .insert(sentence);
    }
    Ok(map)
}

/// Builds the document of one file, runs the event stage and counts.
fn score_file(
    path: &Path,
    sentences: &BTreeSet<u32>,
    verbose: bool,
    counts: &mut Counts,
) -> Result<(), String> {
    let xml = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    // Tokens of the selected sentences, with their byte ranges in the built text.
    let mut text = String::new();
    let mut spans: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut last_sentence = None;
    for chunk in xml.split("<token ").skip(1) {
        let Some(close) = chunk.find('>') else {
            continue;
        };
        let tag = &chunk[..close];
        let Some(end) = chunk.find("</token>") else {
            continue;
        };
        let word = unescape(&chunk[close + 1..end]);
        let (Some(id), Some(sentence)) = (attribute(tag, "t_id"), attribute(tag, "sentence"))
        else {
            continue;
        };
        let Ok(sentence) = sentence.parse::<u32>() else {
            continue;
        };
        if !sentences.contains(&sentence) || word.trim().is_empty() {
            continue;
        }
        if last_sentence.is_some_and(|s| s != sentence) {
            text.push('\n');
        } else if last_sentence.is_some() {
            text.push(' ');
        }
        last_sentence = Some(sentence);
        spans.insert(id.to_string(), (text.len(), text.len() + word.len()));
        text.push_str(&word);
    }
    if text.trim().is_empty() {
        return Ok(());
    }
    let mut gold = Vec::new();
    let mut rest = xml.split("<Markables>").nth(1).unwrap_or("");
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let class = rest.split([' ', '>', '/']).next().unwrap_or("");
        if !(class.starts_with("ACTION_") || class.starts_with("NEG_ACTION_")) {
            continue;
        }
        let body_end = rest.find(&format!("</{class}>")).unwrap_or(rest.len());
        let anchored: Vec<(usize, usize)> = rest[..body_end]
            .split("t_id=\"")
            .skip(1)
            .filter_map(|r| spans.get(r.split('"').next()?).copied())
            .collect();
        let first = anchored.iter().map(|a| a.0).min();
        let last = anchored.iter().map(|a| a.1).max();
        if let (Some(start), Some(end)) = (first, last) {
            gold.push(Gold {
                start,
                end,
                class: class.to_string(),
            });
        }
        rest = &rest[body_end..];
    }
    let predicted = corroborate::internals::event_triggers(&text, None);
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    counts.gold += gold.len();
    counts.predicted += predicted.len();
    for g in &gold {
        let hit = predicted
            .iter()
            .any(|p| overlaps((p.0, p.1), (g.start, g.end)));
        counts.found += usize::from(hit);
        if g.class == "ACTION_OCCURRENCE" {
            counts.occurrences += 1;
            counts.occurrences_found += usize::from(hit);
        }
        if verbose && !hit {
            println!(
                "miss\t{}\t{}\t{}",
                path.display(),
                g.class,
                &text[g.start..g.end]
            );
        }
    }
    for p in &predicted {
        let right = gold.iter().any(|g| overlaps((p.0, p.1), (g.start, g.end)));
        counts.right += usize::from(right);
        if verbose && !right {
            println!("spurious\t{}\t{}\t{}", path.display(), p.2, &text[p.0..p.1]);
        }
    }
    Ok(())
}

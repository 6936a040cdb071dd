//! `tempeval DIR`: time-expression normalization on TempEval-3 TimeML files.
//!
//! Each `.tml` file's TEXT (tags stripped, entities decoded) is one document published
//! on its DCT. Gold: TIMEX3 of type DATE whose value the ledger can express (`YYYY`,
//! `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Www`). A gold is found when a predicted time with
//! that value overlaps it. Precision counts predicted times with a value, except those
//! overlapping only other TIMEX3 (DURATION, TIME, SET, inexpressible DATE): neutral.
//! Given the TBAQ root or one of its corpus folders (`TBAQ-cleaned/TimeBank`), prints
//! P/R/F1 for each corpus of TBAQ (TimeBank and AQUAINT) and the pooled F1 last; any
//! other folder of `.tml` files is scored alone. `--misses` lists every miss and every
//! prediction that matches no TIMEX3. Same counting as
//! `shared/eval/score/tempeval_check.py`, which runs the whole ledger instead.

use corroborate_eval::xml::{attribute, unescape};
use std::fs;
use std::path::{Path, PathBuf};

/// One TIMEX3 of a file: byte range in the stripped text, type and value.
struct Timex {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

/// Counts for one corpus.
#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    predicted: usize,
    hit: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.hit += other.hit;
    }

    fn scores(self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(self.hit, self.predicted), ratio(self.hit, self.gold));
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    let verbose = args.iter().any(|a| a == "--misses");
    let root = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: corroborate-eval tempeval DIR [--misses]")?;
    let mut root = PathBuf::from(root);
    // Given one corpus folder of TBAQ, score its sibling corpus too.
    let is_corpus = |p: &Path| {
        p.file_name()
            .is_some_and(|n| n == "TimeBank" || n == "AQUAINT")
    };
    if is_corpus(&root) {
        if let Some(parent) = root.parent() {
            root = parent.to_path_buf();
        }
    }
    let mut corpora: Vec<PathBuf> = ["TimeBank", "AQUAINT"]
        .iter()
        .map(|name| root.join(name))
        .filter(|p| p.is_dir())
        .collect();
    if corpora.is_empty() {
        corpora.push(root.clone());
    }
    let mut total = Counts::default();
    for dir in &corpora {
        let counts = score_dir(dir, verbose)?;
        let (p, r, f) = counts.scores();
        println!(
            "{}: {} gold DATE, {} predicted, {} right; P {p:.3} R {r:.3} F1 {f:.3}",
            dir.display(),
            counts.gold,
            counts.predicted,
            counts.hit
        );
        total.add(counts);
    }
    let (p, r, f) = total.scores();
    println!("all: P {p:.3} R {r:.3}");
    println!("f1: {f:.3}");
    Ok(())
}

fn score_dir(dir: &Path, verbose: bool) -> Result<Counts, String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    files.sort();
    let mut counts = Counts::default();
    for file in files {
        let raw = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let Some((dct, text, timexes)) = parse(&raw) else {
            return Err(format!("{}: no DCT or TEXT", file.display()));
        };
        let predicted = corroborate::internals::times(&text, Some(&dct));
        let (gold, other): (Vec<&Timex>, Vec<&Timex>) = timexes
            .iter()
            .partition(|t| t.kind == "DATE" && expressible(&t.value));
        let overlaps = |s: usize, e: usize, t: &Timex| s < t.end && t.start < e;
        counts.gold += gold.len();
        for (s, e, value) in &predicted {
            if value.is_none() {
                continue;
            }
            let on_gold = gold.iter().any(|t| overlaps(*s, *e, t));
            let on_other = other.iter().any(|t| overlaps(*s, *e, t));
            if on_gold || !on_other {
                counts.predicted += 1;
                if verbose && !on_gold {
                    println!("extra {} {:?} {:?}", name(&file), &text[*s..*e], value);
                }
            }
        }
        for t in &gold {
            let ok = predicted
                .iter()
                .any(|(s, e, v)| overlaps(*s, *e, t) && v.as_deref() == Some(t.value.as_str()));
            counts.hit += usize::from(ok);
            if verbose && !ok {
                let got: Vec<_> = predicted
                    .iter()
                    .filter(|(s, e, _)| overlaps(*s, *e, t))
                    .map(|(s, e, v)| (&text[*s..*e], v.clone()))
                    .collect();
                println!(
                    "miss {} {:?} gold {} got {got:?} (dct {dct})",
                    name(&file),
                    &text[t.start..t.end],
                    t.value
                );
            }
        }
    }
    Ok(counts)
}

fn name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-Www`.
fn expressible(value: &str) -> bool {
    let b = value.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        8 => digits(0..4) && &b[4..6] == b"-W" && digits(6..8),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// The DCT (`YYYY-MM-DD`), the TEXT without tags and its TIMEX3 spans.
fn parse(raw: &str) -> Option<(String, String, Vec<Timex>)> {
    let dct_at = raw.find("<DCT>")?;
    let dct_value = raw[dct_at..].find("value=\"")? + dct_at + 7;
    let dct = raw.get(dct_value..dct_value + 10)?.to_string();
    let body_start = raw.find("<TEXT>")? + "<TEXT>".len();
    let body_end = raw.rfind("</TEXT>")?;
    let body = raw.get(body_start..body_end)?;
    let mut text = String::new();
    let mut timexes = Vec::new();
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&unescape(&rest[..lt]));
        let gt = rest[lt..].find('>')? + lt;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            if name.trim() == "TIMEX3" {
                if let Some((start, kind, value)) = open.pop() {
                    timexes.push(Timex {
                        start,
                        end: text.len(),
                        kind,
                        value,
                    });
                }
            }
        } else if tag.starts_with("TIMEX3") {
            open.push((
                text.len(),
                attribute(tag, "type").unwrap_or_default().to_string(),
                attribute(tag, "value").unwrap_or_default().to_string(),
            ));
        }
    }
    text.push_str(&unescape(rest));
    Some((dct, text, timexes))
}

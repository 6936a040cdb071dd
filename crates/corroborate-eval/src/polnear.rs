//! `polnear DIR`: direct quotes and their speakers on PolNeAR (`text/*.txt` with brat
//! `attributions/*.ann`, one annotator file per text).
//!
//! Every text becomes a document of one ledger. Gold direct quote: an attribution
//! Content whose first fragment opens with a quotation mark (discontinuous fragments kept
//! apart). It is found when the ledger's quotes cover at least half of its fragments'
//! bytes. A predicted quote is right when at least half of it lies inside one gold direct
//! quote, neutral when it lies mostly inside another (indirect) Content, wrong otherwise.
//! Speaker: on gold quotes whose Source holds a capitalized name other than a pronoun,
//! right when the speaker of the predicted quote covering most of it has a mention
//! overlapping the Source (and, as a check needing no tagger, whether its words name
//! the Source). Same counting as `shared/eval/score/polnear_check.py`, which
//! runs the CLI instead. `--misses` lists missed, wrong and wrongly attributed quotes.

use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::Path;

use corroborate::model::Ledger;
use corroborate::{DocumentInput, LedgerBuilder};

const OPENERS: &[char] = &['"', '“', '‘', '\'', '«'];
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "his", "her", "their",
];

/// One gold direct quote: its fragments and, when named, its Source (byte ranges).
struct Gold {
    fragments: Vec<Range<usize>>,
    source: Option<Range<usize>>,
}

/// The gold of one text.
struct Text {
    id: String,
    text: String,
    direct: Vec<Gold>,
    /// Fragments of the other Contents (indirect and mixed quotes).
    other: Vec<Vec<Range<usize>>>,
}

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    let verbose = args.iter().any(|a| a == "--misses");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: corroborate-eval polnear DIR [--misses]")?;
    let texts = load(Path::new(dir))?;
    let ledger = LedgerBuilder::new()
        .documents(
            texts
                .iter()
                .map(|t| DocumentInput::text(t.id.clone(), t.text.clone())),
        )
        .build()
        .map_err(|e| e.to_string())?;
    score(&texts, &ledger, verbose);
    Ok(())
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn score(texts: &[Text], ledger: &Ledger, verbose: bool) {
    let mut mentions: BTreeMap<&str, Vec<(&str, Range<usize>)>> = BTreeMap::new();
    for e in &ledger.entities {
        let spans = e.mentions.iter().map(|m| (m.doc.as_str(), m.start..m.end));
        mentions.entry(&e.id).or_default().extend(spans);
    }
    let (mut gold_n, mut predicted, mut right, mut hit) = (0, 0, 0, 0);
    let (mut named, mut speaker_ok, mut words_ok) = (0, 0, 0);
    for t in texts {
        let quotes: Vec<_> = ledger.quotes.iter().filter(|q| q.doc == t.id).collect();
        for q in &quotes {
            let span = q.start..q.end;
            let size = span.len().max(1) as f64;
            let inside = |fragments: &[Range<usize>]| {
                fragments.iter().map(|f| overlap(&span, f)).sum::<usize>() as f64
            };
            let in_direct = t
                .direct
                .iter()
                .map(|g| inside(&g.fragments))
                .fold(0.0, f64::max);
            let in_other = t.other.iter().map(|f| inside(f)).fold(0.0, f64::max);
            if in_direct >= 0.5 * size {
                predicted += 1;
                right += 1;
            } else if in_other < 0.5 * size {
                predicted += 1;
                if verbose {
                    println!("wrong {} {:?}", t.id, q.text);
                }
            }
        }
        for g in &t.direct {
            gold_n += 1;
            named += usize::from(g.source.is_some());
            let total: usize = g.fragments.iter().map(Range::len).sum();
            let covered: usize = g
                .fragments
                .iter()
                .map(|f| covered(f, quotes.iter().map(|q| q.start..q.end)))
                .sum();
            let quoted: Vec<&str> = g.fragments.iter().map(|f| &t.text[f.clone()]).collect();
            if 2 * covered < total {
                if verbose {
                    println!("miss {} {:?}", t.id, quoted);
                }
                continue;
            }
            hit += 1;
            let Some(source) = &g.source else {
                continue;
            };
            let best = quotes.iter().max_by_key(|q| {
                g.fragments
                    .iter()
                    .map(|f| overlap(&(q.start..q.end), f))
                    .sum::<usize>()
            });
            let speaker = best.and_then(|q| q.speaker.as_deref());
            let ok = speaker.is_some_and(|id| {
                mentions
                    .get(id)
                    .is_some_and(|ms| ms.iter().any(|(d, m)| *d == t.id && overlap(m, source) > 0))
            });
            speaker_ok += usize::from(ok);
            // The speaker's words alone, as a check of the frames that needs no tagger.
            let gold_words = &t.text[source.clone()];
            words_ok += usize::from(
                best.and_then(|q| q.speaker_text.as_deref())
                    .is_some_and(|w| gold_words.contains(w) || w.contains(gold_words)),
            );
            if verbose && !ok {
                let said = best.and_then(|q| q.speaker_text.clone());
                println!(
                    "speaker {} {:?} gold {:?} got {:?} ({:?})",
                    t.id,
                    quoted.first(),
                    &t.text[source.clone()],
                    speaker,
                    said
                );
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(right, predicted), ratio(hit, gold_n));
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!("{gold_n} gold direct quotes, {predicted} predicted; P {p:.3} R {r:.3} F1 {f:.3}");
    println!(
        "speaker right on {speaker_ok} of {named} named-source quotes ({:.3})",
        ratio(speaker_ok, named)
    );
    println!(
        "speaker words match the gold Source on {words_ok} ({:.3})",
        ratio(words_ok, named)
    );
    println!("speaker: {:.3} quote_f1: {f:.3}", ratio(speaker_ok, named));
}

/// Bytes of `fragment` covered by the union of `spans`.
fn covered(fragment: &Range<usize>, spans: impl Iterator<Item = Range<usize>>) -> usize {
    let mut parts: Vec<Range<usize>> = spans
        .map(|s| s.start.max(fragment.start)..s.end.min(fragment.end))
        .filter(|s| s.start < s.end)
        .collect();
    parts.sort_by_key(|s| s.start);
    let (mut total, mut last) = (0, fragment.start);
    for s in parts {
        let from = s.start.max(last);
        if s.end > from {
            total += s.end - from;
            last = s.end;
        }
    }
    total
}

/// Reads every text with its first annotator file.
fn load(dir: &Path) -> Result<Vec<Text>, String> {
    let ann_dir = dir.join("attributions");
    let mut by_stem: BTreeMap<String, String> = BTreeMap::new();
    let entries = fs::read_dir(&ann_dir).map_err(|e| format!("{}: {e}", ann_dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    names.sort();
    for name in names {
        // "<stem>_<4 hex digits>.ann": one file per annotator.
        let stem = name[..name.len() - 4]
            .rsplit_once('_')
            .map_or(&name[..name.len() - 4], |(s, _)| s)
            .to_string();
        by_stem.entry(stem).or_insert(name);
    }
    let mut out = Vec::new();
    for (i, (stem, ann)) in by_stem.iter().enumerate() {
        let path = dir.join("text").join(format!("{stem}.txt"));
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let raw = fs::read_to_string(ann_dir.join(ann)).map_err(|e| format!("{ann}: {e}"))?;
        let (direct, other) = parse(&text, &raw);
        out.push(Text {
            id: format!("p{i:03}"),
            text,
            direct,
            other,
        });
    }
    Ok(out)
}

/// The direct and other Contents of one brat file, as byte ranges.
fn parse(text: &str, ann: &str) -> (Vec<Gold>, Vec<Vec<Range<usize>>>) {
    // brat offsets count characters; spans index bytes.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let byte = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut spans: BTreeMap<&str, Vec<Range<usize>>> = BTreeMap::new();
    let mut events: Vec<BTreeMap<&str, &str>> = Vec::new();
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields[0].starts_with('T') && fields.len() >= 3 {
            let Some((_, ranges)) = fields[1].split_once(' ') else {
                continue;
            };
            let fragments = ranges
                .split(';')
                .filter_map(|r| {
                    let (a, b) = r.split_once(' ')?;
                    Some(byte(a.parse().ok()?)..byte(b.parse().ok()?))
                })
                .collect();
            spans.insert(fields[0], fragments);
        } else if fields[0].starts_with('E') && fields.len() >= 2 {
            events.push(
                fields[1]
                    .split(' ')
                    .filter_map(|x| x.split_once(':'))
                    .collect(),
            );
        }
    }
    let (mut direct, mut other) = (Vec::new(), Vec::new());
    for e in events {
        let Some(fragments) = e.get("Content").and_then(|c| spans.get(c)) else {
            continue;
        };
        let Some(first) = fragments.first() else {
            continue;
        };
        if !text[first.clone()].trim_start().starts_with(OPENERS) {
            other.push(fragments.clone());
            continue;
        }
        let source = e
            .get("Source")
            .and_then(|s| spans.get(s))
            .and_then(|f| Some(f.first()?.start..f.last()?.end))
            .filter(|s| {
                let words = &text[s.clone()];
                let capitalized = words.as_bytes().windows(2).enumerate().any(|(i, w)| {
                    w[0].is_ascii_uppercase()
                        && w[1].is_ascii_lowercase()
                        && (i == 0 || !words.as_bytes()[i - 1].is_ascii_alphanumeric())
                });
                capitalized && !PRONOUNS.contains(&words.trim().to_lowercase().as_str())
            });
        direct.push(Gold {
            fragments: fragments.clone(),
            source,
        });
    }
    (direct, other)
}

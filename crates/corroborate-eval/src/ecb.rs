//! `ecb DIR [--topics 1-35]`: story clustering and cross-document entity resolution on
//! ECB+.
//!
//! All documents of the chosen topics go through one ledger. Each document's text is
//! its tokens joined by spaces, sentences by newlines (as `shared/eval/score/ecb_check.py`
//! writes it). Gold stories are topic × sub-corpus (`ecb` or `ecbplus`: two happenings
//! of one kind); gold entities are the proper-name person and place mentions
//! (`HUMAN_PART_PER`, `LOC_GEO`, every word capitalized, no pronoun) in cross-document
//! chains. A gold mention takes the ledger entity whose mention overlaps it most (or
//! stays alone). Prints B³ precision, recall and F1 for both, stories last but one and
//! the summary line last. Same counting as the reference scorer.

use corroborate_eval::xml::{attribute, unescape};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use corroborate::{DocumentInput, LedgerBuilder};

/// What one ECB+ file holds that the scores need.
struct Gold {
    id: String,
    story: String,
    text: String,
    /// Gold proper-name mentions: byte range and chain.
    mentions: Vec<(usize, usize, String)>,
}

const PRONOUNS: [&str; 13] = [
    "he", "she", "they", "it", "his", "her", "him", "them", "their", "i", "we", "you", "who",
];

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    let verbose = args.iter().any(|a| a == "--clusters");
    let args: Vec<String> = args
        .iter()
        .filter(|a| *a != "--clusters")
        .cloned()
        .collect();
    let (dir, lo, hi) = match &args[..] {
        [dir] => (dir, 1, 35),
        [dir, flag, range] if flag == "--topics" => {
            let (lo, hi) = range
                .split_once('-')
                .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                .ok_or("--topics takes FIRST-LAST")?;
            (dir, lo, hi)
        }
        _ => return Err("usage: ecb DIR [--topics FIRST-LAST] [--clusters]".to_string()),
    };
    let golds = read_topics(Path::new(dir), lo, hi)?;
    let started = std::time::Instant::now();
    let ledger = LedgerBuilder::new()
        .documents(golds.iter().map(|g| DocumentInput::text(&g.id, &g.text)))
        .build()
        .map_err(|e| e.to_string())?;
    let seconds = started.elapsed().as_secs_f64();
    let mut predicted_story: BTreeMap<String, String> = BTreeMap::new();
    for story in &ledger.stories {
        for doc in &story.documents {
            predicted_story.insert(doc.clone(), story.id.clone());
        }
    }
    let gold_story: BTreeMap<String, String> = golds
        .iter()
        .map(|g| (g.id.clone(), g.story.clone()))
        .collect();
    let pred_story: BTreeMap<String, String> = golds
        .iter()
        .map(|g| {
            let story = predicted_story.get(&g.id).cloned();
            (
                g.id.clone(),
                story.unwrap_or_else(|| format!("alone-{}", g.id)),
            )
        })
        .collect();
    let (sp, sr, sf) = b_cubed(&gold_story, &pred_story);
    if verbose {
        print_clusters(&gold_story, &pred_story);
    }
    let distinct = |m: &BTreeMap<String, String>| m.values().collect::<BTreeSet<_>>().len();
    println!(
        "stories: {} docs, {} gold, {} predicted; B3 P {sp:.3} R {sr:.3} F1 {sf:.3}",
        golds.len(),
        distinct(&gold_story),
        distinct(&pred_story)
    );
    let mut spans: BTreeMap<&str, Vec<(usize, usize, &str)>> = BTreeMap::new();
    for entity in &ledger.entities {
        for m in &entity.mentions {
            spans
                .entry(m.doc.as_str())
                .or_default()
                .push((m.start, m.end, entity.id.as_str()));
        }
    }
    let mut gold_entity = BTreeMap::new();
    let mut pred_entity = BTreeMap::new();
    let mut found = 0;
    for g in &golds {
        for (n, (start, end, chain)) in g.mentions.iter().enumerate() {
            let key = format!("{}#{n}", g.id);
            let best = spans
                .get(g.id.as_str())
                .into_iter()
                .flatten()
                .map(|&(a, b, id)| (b.min(*end) as i64 - a.max(*start) as i64, id))
                .filter(|(overlap, _)| *overlap > 0)
                .max_by_key(|(overlap, _)| *overlap);
            if best.is_some() {
                found += 1;
            }
            gold_entity.insert(key.clone(), chain.clone());
            pred_entity.insert(
                key.clone(),
                best.map_or_else(|| format!("none-{key}"), |(_, id)| id.to_string()),
            );
        }
    }
    let (ep, er, ef) = b_cubed(&gold_entity, &pred_entity);
    println!(
        "entities: {} gold proper-name mentions, {found} found; B3 P {ep:.3} R {er:.3} F1 {ef:.3}",
        gold_entity.len()
    );
    println!("time {seconds:.2}s for {} documents", golds.len());
    println!("summary: story B3 F1 {sf:.3}, entity B3 F1 {ef:.3}");
    Ok(())
}

/// Each predicted story that mixes gold stories or holds part of one, with its make-up.
fn print_clusters(gold: &BTreeMap<String, String>, pred: &BTreeMap<String, String>) {
    let mut make_up: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut gold_size: BTreeMap<&str, usize> = BTreeMap::new();
    for (doc, story) in pred {
        *make_up
            .entry(story)
            .or_default()
            .entry(&gold[doc])
            .or_default() += 1;
        *gold_size.entry(&gold[doc]).or_default() += 1;
    }
    for (story, parts) in make_up {
        let whole = parts.len() == 1 && parts.iter().all(|(g, n)| gold_size[g] == *n);
        if !whole {
            let parts: Vec<String> = parts
                .iter()
                .map(|(g, n)| format!("{g} {n}/{}", gold_size[g]))
                .collect();
            println!("  {story}: {}", parts.join(", "));
        }
    }
}

/// B³ precision, recall and F1 of a predicted clustering against a gold one (same items).
fn b_cubed(gold: &BTreeMap<String, String>, pred: &BTreeMap<String, String>) -> (f64, f64, f64) {
    let clusters = |m: &BTreeMap<String, String>| {
        let mut c: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (item, cluster) in m {
            c.entry(cluster.clone()).or_default().insert(item.clone());
        }
        c
    };
    let (gc, pc) = (clusters(gold), clusters(pred));
    let (mut p, mut r) = (0.0, 0.0);
    for (item, g) in gold {
        let gs = &gc[g];
        let ps = &pc[&pred[item]];
        let shared = gs.intersection(ps).count() as f64;
        p += shared / ps.len() as f64;
        r += shared / gs.len() as f64;
    }
    let n = gold.len().max(1) as f64;
    let (p, r) = (p / n, r / n);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn read_topics(root: &Path, lo: u32, hi: u32) -> Result<Vec<Gold>, String> {
    let mut golds = Vec::new();
    let entries = fs::read_dir(root).map_err(|e| format!("{}: {e}", root.display()))?;
    let mut topics: Vec<u32> = entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .filter(|t| (lo..=hi).contains(t))
        .collect();
    topics.sort_unstable();
    for topic in topics {
        let dir = root.join(topic.to_string());
        let mut files: Vec<String> = fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|f| f.ends_with(".xml"))
            .collect();
        files.sort();
        for file in files {
            let xml = fs::read_to_string(dir.join(&file)).map_err(|e| format!("{file}: {e}"))?;
            let id = file.trim_end_matches(".xml").to_string();
            let sub = if id.ends_with("ecbplus") {
                "ecbplus"
            } else {
                "ecb"
            };
            golds.push(parse(&xml, id, format!("{topic}-{sub}")));
        }
    }
    Ok(golds)
}

/// Reads one ECB+ file (one element a line, as the corpus is written).
fn parse(xml: &str, id: String, story: String) -> Gold {
    let mut text = String::new();
    let mut token_span: BTreeMap<u32, (usize, usize, String)> = BTreeMap::new();
    let mut last_sentence = None;
    let mut markables: BTreeMap<String, (String, Vec<u32>)> = BTreeMap::new();
    let mut open_markable: Option<String> = None;
    let mut chains: BTreeMap<String, String> = BTreeMap::new();
    let mut open_chain: Option<String> = None;
    for line in xml.lines().map(str::trim) {
        if line.starts_with("<token ") {
            let (Some(t), Some(s)) = (attribute(line, "t_id"), attribute(line, "sentence")) else {
                continue;
            };
            let word = line
                .split_once('>')
                .and_then(|(_, rest)| rest.rsplit_once("</token>"))
                .map_or(String::new(), |(w, _)| unescape(w));
            match last_sentence {
                Some(prev) if prev != s => text.push('\n'),
                Some(_) => text.push(' '),
                None => {}
            }
            last_sentence = Some(s);
            let start = text.len();
            text.push_str(&word);
            if let Ok(t) = t.parse() {
                token_span.insert(t, (start, text.len(), word));
            }
        } else if line.starts_with("<token_anchor") {
            if let (Some(m), Some(t)) = (&open_markable, attribute(line, "t_id")) {
                if let (Some(entry), Ok(t)) = (markables.get_mut(m), t.parse()) {
                    entry.1.push(t);
                }
            }
        } else if line.starts_with("<CROSS_DOC_COREF") {
            open_chain = attribute(line, "note").map(str::to_string);
        } else if line.starts_with("<source ") {
            if let (Some(chain), Some(m)) = (&open_chain, attribute(line, "m_id")) {
                chains.insert(m.to_string(), chain.clone());
            }
        } else if line.starts_with("</") {
            open_markable = None;
        } else if let Some(m) = attribute(line, "m_id").filter(|_| line.starts_with('<')) {
            let tag = line[1..].split([' ', '>']).next().unwrap_or_default();
            markables.insert(m.to_string(), (tag.to_string(), Vec::new()));
            open_markable = Some(m.to_string());
        }
    }
    text.push('\n');
    let mut mentions = Vec::new();
    for (m, (tag, anchors)) in &markables {
        let Some(chain) = chains.get(m) else { continue };
        if !matches!(tag.as_str(), "HUMAN_PART_PER" | "LOC_GEO") || anchors.is_empty() {
            continue;
        }
        let words: Vec<&(usize, usize, String)> =
            anchors.iter().filter_map(|t| token_span.get(t)).collect();
        if words.len() != anchors.len() {
            continue;
        }
        let capitalized = words
            .iter()
            .all(|(_, _, w)| w.chars().next().is_some_and(char::is_uppercase));
        let pronoun = words.len() == 1 && PRONOUNS.contains(&words[0].2.to_lowercase().as_str());
        if capitalized && !pronoun {
            mentions.push((words[0].0, words[words.len() - 1].1, chain.clone()));
        }
    }
    Gold {
        id,
        story,
        text,
        mentions,
    }
}

//! CoNLL-2003 files: reading them (IOB1 tags, `-DOCSTART-` between documents) and
//! scoring the entity tagger on them — exact-span micro precision, recall and F1 per
//! type and over PER/ORG/LOC, as the reference scorer counts, and words per second.

use std::time::Instant;

use corroborate::internals::Tagger;
use corroborate::internals::ner_train::Sentence;
use corroborate::model::EntityKind;

/// The kinds in report order, with their CoNLL names.
const KINDS: [(EntityKind, &str); 4] = [
    (EntityKind::Person, "PER"),
    (EntityKind::Organization, "ORG"),
    (EntityKind::Location, "LOC"),
    (EntityKind::Other, "MISC"),
];

/// Reads a CoNLL-2003 file into documents of sentences.
pub fn read(path: &str) -> Result<Vec<Vec<Sentence>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(parse(&text))
}

/// Parses CoNLL-2003 text (see [`read`]).
pub fn parse(text: &str) -> Vec<Vec<Sentence>> {
    let mut documents: Vec<Vec<Sentence>> = vec![Vec::new()];
    let mut sentence = Sentence::default();
    let mut open: Option<(usize, &str)> = None;
    let close = |sentence: &mut Sentence, open: &mut Option<(usize, &str)>| {
        if let Some((start, tag)) = open.take() {
            let kind = KINDS
                .iter()
                .find(|k| k.1 == tag)
                .map_or(EntityKind::Other, |k| k.0);
            sentence.names.push((start, sentence.words.len(), kind));
        }
    };
    for line in text.lines() {
        let docstart = line.starts_with("-DOCSTART-");
        if docstart || line.trim().is_empty() {
            close(&mut sentence, &mut open);
            if !sentence.words.is_empty() {
                documents
                    .last_mut()
                    .expect("never empty")
                    .push(std::mem::take(&mut sentence));
            }
            if docstart && documents.last().is_some_and(|d| !d.is_empty()) {
                documents.push(Vec::new());
            }
            continue;
        }
        let mut fields = line.split(' ');
        let word = fields.next().unwrap_or_default();
        let tag = fields.next_back().unwrap_or("O");
        match tag.split_once('-') {
            Some((prefix, kind)) => {
                let continues = prefix == "I" && open.is_some_and(|(_, k)| k == kind);
                if !continues {
                    close(&mut sentence, &mut open);
                    open = Some((sentence.words.len(), kind));
                }
            }
            None => close(&mut sentence, &mut open),
        }
        sentence.words.push(word.to_string());
    }
    close(&mut sentence, &mut open);
    if !sentence.words.is_empty() {
        documents.last_mut().expect("never empty").push(sentence);
    }
    documents.retain(|d| !d.is_empty());
    documents
}

/// True positives, false positives and false negatives per kind (in [`KINDS`] order).
#[derive(Debug, Clone, Default)]
pub struct Score {
    counts: [[usize; 3]; 4],
    /// Words tagged.
    pub words: usize,
    /// Seconds spent tagging (wall clock).
    pub seconds: f64,
    /// Seconds the tagging thread ran on a CPU (Linux), which a busy machine does not inflate.
    pub cpu_seconds: Option<f64>,
}

/// Nanoseconds this thread has run on a CPU, from `/proc/thread-self/schedstat` (Linux).
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

impl Score {
    fn prf(counts: [usize; 3]) -> (f64, f64, f64) {
        let [tp, fp, missed] = counts.map(|c| c as f64);
        let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let r = if tp + missed > 0.0 {
            tp / (tp + missed)
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// Micro F1 over persons, organizations and locations (the reference figure).
    pub fn f1(&self) -> f64 {
        let mut sum = [0; 3];
        for counts in &self.counts[..3] {
            for (s, c) in sum.iter_mut().zip(counts) {
                *s += c;
            }
        }
        Score::prf(sum).2
    }

    /// One line per kind and the PER/ORG/LOC total.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for ((_, name), &counts) in KINDS.iter().zip(&self.counts) {
            let (p, r, f) = Score::prf(counts);
            out += &format!("{name:4} P {p:.3} R {r:.3} F1 {f:.3}\n");
        }
        out += &format!("ALL  F1 {:.3} (PER/ORG/LOC micro)\n", self.f1());
        out
    }
}

/// Tags every document `passes` times (at least once; timed together, the words of every
/// pass counted) and counts exact-span matches.
pub fn score(tagger: &Tagger, documents: &[Vec<Sentence>], passes: usize) -> Score {
    let mut score = Score::default();
    let inputs: Vec<Vec<Vec<&str>>> = documents
        .iter()
        .map(|d| {
            d.iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let started = Instant::now();
    let cpu_started = thread_cpu_ns();
    // Each pass tags the documents in turn as the ledger does, a word form scored once.
    let tag_all = || tagger.tag_documents(&inputs);
    let mut found = tag_all();
    for _ in 1..passes {
        found = tag_all();
    }
    score.seconds = started.elapsed().as_secs_f64();
    score.cpu_seconds = thread_cpu_ns()
        .zip(cpu_started)
        .map(|(end, start)| (end - start) as f64 / 1e9);
    for (document, found) in documents.iter().zip(found) {
        for (k, &(kind, _)) in KINDS.iter().enumerate() {
            let gold: Vec<(usize, usize, usize)> = document
                .iter()
                .enumerate()
                .flat_map(|(s, sentence)| {
                    sentence
                        .names
                        .iter()
                        .filter(|n| n.2 == kind)
                        .map(move |n| (s, n.0, n.1))
                })
                .collect();
            let guessed: Vec<(usize, usize, usize)> = found
                .iter()
                .filter(|t| t.kind == kind)
                .map(|t| (t.sentence, t.start, t.end))
                .collect();
            let hits = guessed.iter().filter(|g| gold.contains(g)).count();
            score.counts[k][0] += hits;
            score.counts[k][1] += guessed.len() - hits;
            score.counts[k][2] += gold.len() - hits;
        }
        score.words += document.iter().map(|s| s.words.len()).sum::<usize>();
    }
    score.words *= passes.max(1);
    score
}

/// How many rounds are timed, and how many passes over the file each makes: a round
/// long enough for the kernel's CPU clock (which ticks every few milliseconds) to
/// measure it well.
const TIMED_ROUNDS: usize = 7;
const PASSES_PER_ROUND: usize = 5;

/// `conll FILE`: scores the shipped tagger on a CoNLL-2003 file.
pub fn run(args: &[String]) -> Result<(), String> {
    let [path] = args else {
        return Err("usage: corroborate-eval conll FILE".into());
    };
    let documents = read(path)?;
    let tagger = Tagger::shipped();
    // The first pass also decodes the model; of the timed rounds after it, report the
    // median, which a busy machine skews less than the mean.
    score(tagger, &documents, 1);
    let mut rounds: Vec<Score> = (0..TIMED_ROUNDS)
        .map(|_| score(tagger, &documents, PASSES_PER_ROUND))
        .collect();
    rounds.sort_by(|a, b| {
        let time = |s: &Score| s.cpu_seconds.unwrap_or(s.seconds);
        time(a).total_cmp(&time(b))
    });
    let score = rounds.swap_remove(TIMED_ROUNDS / 2);
    print!("{}", score.report());
    println!(
        "{} words in {:.3}s wall: {:.0} words/s (one thread, median of {TIMED_ROUNDS} rounds of {PASSES_PER_ROUND} passes)",
        score.words,
        score.seconds,
        score.words as f64 / score.seconds
    );
    if let Some(cpu) = score.cpu_seconds {
        println!(
            "{:.3}s on the CPU: {:.0} words/s per core",
            cpu,
            score.words as f64 / cpu
        );
    }
    println!("f1: {:.3}", score.f1());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_names_become_spans() {
        let text = "-DOCSTART- -X- O O\n\nAnna NNP I-NP I-PER\nBerg NNP I-NP I-PER\n\
                    Carl NNP I-NP B-PER\nin IN I-PP O\nOslo NNP I-NP I-LOC\n\n";
        let docs = parse(text);
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs[0][0].names,
            [
                (0, 2, EntityKind::Person),
                (2, 3, EntityKind::Person),
                (4, 5, EntityKind::Location)
            ]
        );
    }
}

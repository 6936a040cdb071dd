//! BILOU tags and Viterbi decoding. Tag 0 is outside; tag `1 + 4 * kind + part` marks
//! the beginning (0), inside (1), last word (2) or a whole one-word name (3) of a name of
//! `kind`. BILOU rather than BIO lets the model learn name boundaries as words of their own.

use crate::model::EntityKind;

/// The number of tags.
pub(crate) const TAGS: usize = 17;

const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
    EntityKind::Other,
];

const BEGIN: usize = 0;
const INSIDE: usize = 1;
const LAST: usize = 2;
const UNIT: usize = 3;

#[cfg(any(test, feature = "train"))]
fn tag(kind: usize, part: usize) -> u8 {
    (1 + 4 * kind + part) as u8
}

#[cfg(any(test, feature = "train"))]
fn kind_index(kind: EntityKind) -> usize {
    KINDS.iter().position(|&k| k == kind).unwrap_or(3)
}

/// Whether `tag` may follow `previous` (`None` at the sentence start).
pub(crate) fn allowed(previous: Option<usize>, tag: usize) -> bool {
    let open = |t: usize| t != 0 && matches!((t - 1) % 4, BEGIN | INSIDE);
    match previous {
        Some(p) if open(p) => {
            tag != 0 && (tag - 1) / 4 == (p - 1) / 4 && matches!((tag - 1) % 4, INSIDE | LAST)
        }
        _ => tag == 0 || matches!((tag - 1) % 4, BEGIN | UNIT),
    }
}

/// Whether a sentence may end on `tag`.
fn may_end(tag: usize) -> bool {
    tag == 0 || matches!((tag - 1) % 4, LAST | UNIT)
}

crate::lexicon::lazy! {
    /// For each tag, the tags that may precede it (`TAGS` standing for the sentence start).
    fn predecessors() -> [Vec<usize>; TAGS] = {
        std::array::from_fn(|t| {
            (0..=TAGS)
                .filter(|&p| allowed((p < TAGS).then_some(p), t))
                .collect()
        })
    };
}

/// The score of an impossible tag sequence: far below any real one, yet safe to add to.
const NEG: i64 = i64::MIN / 4;

/// The best-scoring valid tag sequence; `transitions[prev * TAGS + tag]` with
/// `prev == TAGS` for the sentence start.
pub(crate) fn viterbi(emissions: &[[i32; TAGS]], transitions: &[i32]) -> Vec<u8> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let predecessors = predecessors();
    let columns = columns(transitions);
    let mut back = vec![[0u8; TAGS]; n];
    // One extra slot: the sentence start, scoring 0 before the first word only.
    let mut score = [NEG; TAGS + 1];
    score[TAGS] = 0;
    for (emission, back) in emissions.iter().zip(&mut back) {
        let mut next = [NEG; TAGS + 1];
        for (t, slot) in next[..TAGS].iter_mut().enumerate() {
            let (best, from) = best_predecessor(&score, &columns[t], &predecessors[t]);
            if best > NEG / 2 {
                *slot = best + i64::from(emission[t]);
                back[t] = from;
            }
        }
        score = next;
    }
    let mut last = (0..TAGS)
        .filter(|&t| may_end(t) && score[t] > NEG / 2)
        .max_by_key(|&t| (score[t], std::cmp::Reverse(t)))
        .unwrap_or(0);
    let mut out = vec![0u8; n];
    for i in (0..n).rev() {
        out[i] = last as u8;
        last = back[i][last] as usize;
    }
    out
}

/// The transition scores into each tag, `columns[tag][prev]`: scoring a tag's
/// predecessors then reads one short row, not a strided column of `transitions`.
fn columns(transitions: &[i32]) -> [[i64; TAGS + 1]; TAGS] {
    std::array::from_fn(|t| std::array::from_fn(|p| i64::from(transitions[p * TAGS + t])))
}

/// The best score of a path reaching a tag from one of `predecessors` (paths scored
/// `score`, transitions into the tag scored `column`), and the predecessor it comes
/// from, the first of equals. Without branches: which predecessor wins is too
/// irregular for the branch predictor.
fn best_predecessor(
    score: &[i64; TAGS + 1],
    column: &[i64; TAGS + 1],
    predecessors: &[usize],
) -> (i64, u8) {
    let (mut best, mut from) = (NEG, 0u8);
    for &p in predecessors {
        let candidate = score[p] + column[p];
        let better = candidate > best;
        best = if better { candidate } else { best };
        from = if better { p as u8 } else { from };
    }
    (best, from)
}

/// The names in a tag sequence: (first word, one past the last word, kind).
pub(crate) fn spans(tags: &[u8]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        if t == 0 {
            open = None;
            continue;
        }
        let (kind, part) = ((t as usize - 1) / 4, (t as usize - 1) % 4);
        match part {
            BEGIN => open = Some((i, kind)),
            UNIT => {
                out.push((i, i + 1, KINDS[kind]));
                open = None;
            }
            LAST => {
                if let Some((start, k)) = open.take() {
                    if k == kind {
                        out.push((start, i + 1, KINDS[kind]));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The tag sequence of `len` words with the given names (as [`spans`] returns them).
#[cfg(any(test, feature = "train"))]
pub(crate) fn encode(len: usize, names: &[(usize, usize, EntityKind)]) -> Vec<u8> {
    let mut out = vec![0u8; len];
    for &(start, end, kind) in names {
        let k = kind_index(kind);
        if end == start + 1 {
            out[start] = tag(k, UNIT);
        } else {
            out[start] = tag(k, BEGIN);
            for t in &mut out[start + 1..end - 1] {
                *t = tag(k, INSIDE);
            }
            out[end - 1] = tag(k, LAST);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_round_trip_through_tags() {
        let names = vec![
            (0, 2, EntityKind::Person),
            (3, 4, EntityKind::Location),
            (5, 8, EntityKind::Organization),
        ];
        let tags = encode(9, &names);
        assert_eq!(spans(&tags), names);
    }

    #[test]
    fn viterbi_keeps_tags_valid() {
        // Emissions favour an inside tag first, which may not open a sentence.
        let mut emissions = [[0i32; TAGS]; 2];
        emissions[0][tag(0, INSIDE) as usize] = 10;
        emissions[1][tag(0, LAST) as usize] = 5;
        emissions[0][tag(0, BEGIN) as usize] = 4;
        let transitions = vec![0; (TAGS + 1) * TAGS];
        let best = viterbi(&emissions, &transitions);
        assert_eq!(spans(&best), [(0, 2, EntityKind::Person)]);
        assert!(viterbi(&[], &transitions).is_empty());
    }
}

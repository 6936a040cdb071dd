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

/// The score of a transition that is not allowed: far below any allowed path, yet safe
/// to add a transition and an emission to in 32 bits.
const FORBIDDEN: i32 = -(1 << 29);

/// The largest transition score a decoder takes as it is. Scores of a trained model are
/// far smaller; the bound keeps the sums of 32-bit scores from overflowing whatever
/// file the weights came from.
const TRANSITION_BOUND: i32 = 1 << 22;

/// The tags a name does not continue: outside, a name's first word, a one-word name.
/// Only these may open a sentence or follow a closed tag.
const CLOSED_TARGETS: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

/// The tags after which a new name may begin (or none): outside, a name's last word, a
/// one-word name — in ascending order, so that the first of equals wins.
const CLOSED_FROM: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// Viterbi decoding with one stage's transition scores.
///
/// BILOU makes transitions sparse: outside, a first word and a one-word name follow only
/// outside, a last word or a one-word name; a name's inside and last words follow only
/// its first or inside words. A step therefore scores the nine-by-nine block of the
/// first kind as one dense, branch-free pass over fixed-size rows, and the two
/// predecessors of each inside and last word apart: 97 sums a word instead of 289. The
/// block's columns are kept as the eight tags that open a name (two vector registers
/// wide) and outside apart, which the compiler turns into fewer instructions than nine
/// columns together (docs/benchmarks.md, "Noon of 2026-12-03").
///
/// Scores are 32-bit and brought back to outside at 0 after every word: a subtraction,
/// where bringing the best to 0 would first take a pass of comparisons. Taking the same
/// amount from every tag's score changes no comparison, so the tags found are those of
/// the exact sums. The scores stay within a few words' worth of outside's, as outside is
/// reached within two words from any path (a name closes with its last word) and no
/// path can gain more than a few words' worth on it, so the sums cannot overflow:
/// emissions are sums of at most a few dozen 16-bit weights, and transitions are
/// bounded by [`TRANSITION_BOUND`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Decoder {
    /// `opening[i]`: the scores of the eight tags that open a name (`CLOSED_TARGETS[1..]`)
    /// after `CLOSED_FROM[i]`.
    opening: [[i32; 8]; 9],
    /// `outside[i]`: the score of outside after `CLOSED_FROM[i]`.
    outside: [i32; 9],
    /// `start[tag]`: the score of `tag` opening a sentence, [`FORBIDDEN`] where not allowed.
    start: [i32; TAGS],
    /// `within[kind][n]`: the scores of inside after first (n = 0), inside after inside
    /// (1), last after first (2) and last after inside (3), for names of `kind`.
    within: [[i32; 4]; 4],
}

impl Decoder {
    /// The decoder of the transition scores `transitions[prev * TAGS + tag]`, with
    /// `prev == TAGS` for the sentence start.
    pub(crate) fn new(transitions: &[i32]) -> Decoder {
        let score = |previous: usize, tag: usize| {
            transitions[previous * TAGS + tag].clamp(-TRANSITION_BOUND, TRANSITION_BOUND)
        };
        Decoder {
            opening: CLOSED_FROM.map(|p| std::array::from_fn(|j| score(p, CLOSED_TARGETS[j + 1]))),
            outside: CLOSED_FROM.map(|p| score(p, 0)),
            start: std::array::from_fn(|t| {
                if allowed(None, t) {
                    score(TAGS, t)
                } else {
                    FORBIDDEN
                }
            }),
            within: std::array::from_fn(|kind| {
                let [first, inside, last] = [BEGIN, INSIDE, LAST].map(|part| 1 + 4 * kind + part);
                [
                    score(first, inside),
                    score(inside, inside),
                    score(first, last),
                    score(inside, last),
                ]
            }),
        }
    }

    /// The best-scoring valid tag sequence for the words scored `emissions`; of equal
    /// paths, the one through the lowest-numbered tags.
    ///
    /// The forward pass keeps only each word's path scores, not which tag each best path
    /// came from: finding the best of each row is then pure arithmetic, and the way back
    /// asks which predecessor gave the best score for the one tag the path takes.
    pub(crate) fn decode(&self, emissions: &[[i32; TAGS]]) -> Vec<u8> {
        let Some((first, rest)) = emissions.split_first() else {
            return Vec::new();
        };
        let mut scores = Vec::with_capacity(emissions.len());
        let mut score: [i32; TAGS] = std::array::from_fn(|t| self.start[t] + first[t]);
        normalize(&mut score);
        scores.push(score);
        for emission in rest {
            let mut next = self.step(&score);
            for (n, &e) in next.iter_mut().zip(emission) {
                *n += e;
            }
            normalize(&mut next);
            scores.push(next);
            score = next;
        }
        let mut tag = (0..TAGS)
            .filter(|&t| may_end(t))
            .max_by_key(|&t| (score[t], std::cmp::Reverse(t)))
            .unwrap_or(0);
        let mut out = vec![0u8; emissions.len()];
        for i in (1..emissions.len()).rev() {
            out[i] = tag as u8;
            tag = self.came_from(&scores[i - 1], tag);
        }
        out[0] = tag as u8;
        out
    }

    /// For each tag, the best score of a path into it from the paths scored `score`.
    fn step(&self, score: &[i32; TAGS]) -> [i32; TAGS] {
        let from_outside = score[CLOSED_FROM[0]];
        let mut opening: [i32; 8] = std::array::from_fn(|j| from_outside + self.opening[0][j]);
        let mut outside = from_outside + self.outside[0];
        for i in 1..CLOSED_FROM.len() {
            let s = score[CLOSED_FROM[i]];
            for (best, &transition) in opening.iter_mut().zip(&self.opening[i]) {
                *best = (*best).max(s + transition);
            }
            outside = outside.max(s + self.outside[i]);
        }
        let mut next = [0i32; TAGS];
        next[0] = outside;
        for (&t, &best) in CLOSED_TARGETS[1..].iter().zip(&opening) {
            next[t] = best;
        }
        for (kind, within) in self.within.iter().enumerate() {
            let [first, inside, last] = [BEGIN, INSIDE, LAST].map(|part| 1 + 4 * kind + part);
            next[inside] = (score[first] + within[0]).max(score[inside] + within[1]);
            next[last] = (score[first] + within[2]).max(score[inside] + within[3]);
        }
        next
    }

    /// The tag before `tag` on the best path into it from the paths scored `score`: of
    /// equally good ones, the lowest-numbered.
    fn came_from(&self, score: &[i32; TAGS], tag: usize) -> usize {
        if let Some(j) = CLOSED_TARGETS.iter().position(|&t| t == tag) {
            // The block's column of `tag`, one per way back rather than kept twice.
            let into: [i32; 9] = match j {
                0 => self.outside,
                _ => std::array::from_fn(|i| self.opening[i][j - 1]),
            };
            let mut best = (score[CLOSED_FROM[0]] + into[0], CLOSED_FROM[0]);
            for (&p, &transition) in CLOSED_FROM.iter().zip(&into).skip(1) {
                // Strictly better only: of equals, the first (lowest-numbered) stays.
                let s = score[p] + transition;
                if s > best.0 {
                    best = (s, p);
                }
            }
            return best.1;
        }
        let kind = (tag - 1) / 4;
        let [first, inside] = [BEGIN, INSIDE].map(|part| 1 + 4 * kind + part);
        let within = &self.within[kind];
        let (after_first, after_inside) = if tag == inside {
            (within[0], within[1])
        } else {
            (within[2], within[3])
        };
        if score[inside] + after_inside > score[first] + after_first {
            inside
        } else {
            first
        }
    }
}

/// Brings outside's score to 0 (only differences between paths matter).
fn normalize(score: &mut [i32; TAGS]) {
    let outside = score[0];
    for s in score {
        *s -= outside;
    }
}

/// The best-scoring valid tag sequence; `transitions[prev * TAGS + tag]` with
/// `prev == TAGS` for the sentence start. (For repeated decoding with the same scores,
/// build a [`Decoder`] once.)
#[cfg(any(test, feature = "train"))]
pub(crate) fn viterbi(emissions: &[[i32; TAGS]], transitions: &[i32]) -> Vec<u8> {
    Decoder::new(transitions).decode(emissions)
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
    use crate::ner::model::TRANSITIONS;

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

    /// The best valid sequence by the textbook algorithm: 64-bit scores, each tag's
    /// allowed predecessors tried in ascending order, the first of equals kept.
    fn reference_viterbi(emissions: &[[i32; TAGS]], transitions: &[i32]) -> Vec<u8> {
        let neg = i64::MIN / 4;
        let mut score: Vec<i64> = (0..TAGS)
            .map(|t| {
                if allowed(None, t) {
                    i64::from(transitions[TAGS * TAGS + t]) + i64::from(emissions[0][t])
                } else {
                    neg
                }
            })
            .collect();
        let mut back = vec![[0u8; TAGS]; emissions.len()];
        for (i, emission) in emissions.iter().enumerate().skip(1) {
            let mut next = vec![neg; TAGS];
            for t in 0..TAGS {
                let mut best = neg;
                for p in (0..TAGS).filter(|&p| allowed(Some(p), t) && score[p] > neg / 2) {
                    let candidate = score[p] + i64::from(transitions[p * TAGS + t]);
                    if candidate > best {
                        best = candidate;
                        back[i][t] = p as u8;
                    }
                }
                if best > neg / 2 {
                    next[t] = best + i64::from(emission[t]);
                }
            }
            score = next;
        }
        let mut last = (0..TAGS)
            .filter(|&t| may_end(t) && score[t] > neg / 2)
            .max_by_key(|&t| (score[t], std::cmp::Reverse(t)))
            .unwrap_or(0);
        let mut out = vec![0u8; emissions.len()];
        for i in (0..emissions.len()).rev() {
            out[i] = last as u8;
            last = back[i][last] as usize;
        }
        out
    }

    #[test]
    fn closed_tags_are_those_allowed_to_open_a_name() {
        let closed: Vec<usize> = (0..TAGS).filter(|&t| allowed(None, t)).collect();
        assert_eq!(closed, CLOSED_TARGETS);
        let before_closed: Vec<usize> = (0..TAGS).filter(|&p| allowed(Some(p), 0)).collect();
        assert_eq!(before_closed, CLOSED_FROM);
    }

    proptest::proptest! {
        #[test]
        fn the_decoder_finds_the_textbook_best_sequence(
            emissions in proptest::collection::vec(
                proptest::array::uniform17(-3000i32..3000), 1..40),
            transitions in proptest::collection::vec(-2000i32..2000, TRANSITIONS),
        ) {
            proptest::prop_assert_eq!(
                viterbi(&emissions, &transitions),
                reference_viterbi(&emissions, &transitions)
            );
        }

        /// Scores as large as a model can make them, over long sentences: the 32-bit
        /// sums, brought back to outside at 0 each word, must not overflow.
        #[test]
        fn the_largest_scores_do_not_overflow(
            emissions in proptest::collection::vec(
                proptest::array::uniform17(-(64 * 32767)..(64 * 32767)), 1..1000),
            transitions in proptest::collection::vec(
                -TRANSITION_BOUND..=TRANSITION_BOUND, TRANSITIONS),
        ) {
            proptest::prop_assert_eq!(
                viterbi(&emissions, &transitions),
                reference_viterbi(&emissions, &transitions)
            );
        }

        #[test]
        fn ties_go_to_the_lowest_tags(
            emissions in proptest::collection::vec(proptest::array::uniform17(-2i32..2), 1..12),
            transitions in proptest::collection::vec(-1i32..1, TRANSITIONS),
        ) {
            proptest::prop_assert_eq!(
                viterbi(&emissions, &transitions),
                reference_viterbi(&emissions, &transitions)
            );
        }
    }

    #[test]
    fn viterbi_keeps_tags_valid() {
        // Emissions favour an inside tag first, which may not open a sentence.
        let mut emissions = [[0i32; TAGS]; 2];
        emissions[0][tag(0, INSIDE) as usize] = 10;
        emissions[1][tag(0, LAST) as usize] = 5;
        emissions[0][tag(0, BEGIN) as usize] = 4;
        let transitions = vec![0; TRANSITIONS];
        let best = viterbi(&emissions, &transitions);
        assert_eq!(spans(&best), [(0, 2, EntityKind::Person)]);
        assert!(viterbi(&[], &transitions).is_empty());
    }
}

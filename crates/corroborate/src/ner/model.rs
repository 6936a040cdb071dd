//! The weights of the tagging stages: a 17-number row per feature key (one number per
//! tag), quantized to 16 bits, looked up in one open-addressing table for all stages; and
//! each stage's tag transition scores that Viterbi decoding adds.
//!
//! A model file holds, per stage, its transition scores, its keys and its rows; it is
//! read straight into the table, without a copy of the rows per stage.

use super::features::Features;
use super::tags::{Decoder, TAGS};

/// Transition rows: one per previous tag, then one for the sentence start.
pub(crate) const TRANSITIONS: usize = (TAGS + 1) * TAGS;

/// The weights of one stage as training makes them and a model file stores them (only
/// training and `Tagger::to_bytes`, through the internals, write a model).
#[cfg_attr(not(any(test, feature = "unstable-internals")), allow(dead_code))]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    /// Feature keys, ascending, none 0; row `i` of `rows` belongs to `keys[i]`.
    keys: Vec<u32>,
    /// `TAGS` weights per key, never all zero.
    rows: Vec<i16>,
    /// `transitions[prev * TAGS + tag]`, with `prev == TAGS` at the sentence start.
    transitions: Vec<i32>,
}

impl Weights {
    /// Weights from (key, row) pairs and transition scores. Rows of zeros score nothing
    /// and are left out, as is key 0 (no feature has it).
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn new(mut entries: Vec<(u32, [i16; TAGS])>, transitions: Vec<i32>) -> Weights {
        entries.retain(|&(key, row)| key != 0 && row != [0; TAGS]);
        entries.sort_unstable_by_key(|e| e.0);
        entries.dedup_by_key(|e| e.0);
        Weights {
            keys: entries.iter().map(|e| e.0).collect(),
            rows: entries.iter().flat_map(|e| e.1).collect(),
            transitions,
        }
    }

    /// The number of feature keys.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// Appends the weights to `out`: counts, transitions, keys as deltas, rows.
    #[cfg_attr(not(any(test, feature = "unstable-internals")), allow(dead_code))]
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for &t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let mut previous = 0u32;
        for &key in &self.keys {
            out.extend_from_slice(&(key - previous).to_le_bytes());
            previous = key;
        }
        // Column-major rows (all weights of tag 0, then tag 1, …) compress better.
        for tag in 0..TAGS {
            for row in self.rows.chunks_exact(TAGS) {
                out.extend_from_slice(&row[tag].to_le_bytes());
            }
        }
    }
}

/// What a tagger keeps of one stage besides its rows in the [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stage {
    /// As in [`Weights`], for writing the model back.
    #[cfg_attr(not(any(test, feature = "unstable-internals")), allow(dead_code))]
    transitions: Vec<i32>,
    /// The transitions laid out for decoding, built once rather than per sentence.
    decoder: Decoder,
}

impl Stage {
    /// The decoder of this stage's transition scores.
    pub(crate) fn decoder(&self) -> &Decoder {
        &self.decoder
    }
}

/// One stage of a model file as read: its keys and transitions decoded, its rows left
/// in the file's bytes until they are copied into the table.
struct StageBytes<'a> {
    keys: Vec<u32>,
    transitions: Vec<i32>,
    /// `TAGS` columns of `keys.len()` little-endian 16-bit weights.
    columns: &'a [u8],
}

/// Reads the `count` stages written by [`Weights::write`] one after another, which must
/// be all of `input`; `None` if malformed.
pub(crate) fn read(mut input: &[u8], count: usize) -> Option<(Vec<Stage>, Table)> {
    let stages = (0..count)
        .map(|_| read_stage(&mut input))
        .collect::<Option<Vec<StageBytes>>>()?;
    if !input.is_empty() || stages.is_empty() {
        return None;
    }
    let table = Table::new(&stages);
    let stages = stages
        .into_iter()
        .map(|stage| Stage {
            decoder: Decoder::new(&stage.transitions),
            transitions: stage.transitions,
        })
        .collect();
    Some((stages, table))
}

fn read_stage<'a>(input: &mut &'a [u8]) -> Option<StageBytes<'a>> {
    let count = take_u32(input)? as usize;
    let transitions = (0..TRANSITIONS)
        .map(|_| take_u32(input).map(|v| v as i32))
        .collect::<Option<Vec<i32>>>()?;
    let mut keys = Vec::with_capacity(count.min(input.len() / 4));
    let mut previous = 0u32;
    for _ in 0..count {
        previous = previous.checked_add(take_u32(input)?)?;
        keys.push(previous);
    }
    if keys.contains(&0) || keys.windows(2).any(|w| w[0] >= w[1]) {
        return None;
    }
    let (columns, rest) = input.split_at_checked(count.checked_mul(TAGS * 2)?)?;
    *input = rest;
    Some(StageBytes {
        keys,
        transitions,
        columns,
    })
}

/// One slot of [`Table`]'s open-addressing table: a feature key (0 when the slot is
/// empty) and the index of its rows. Key and index share a cache line, so a probe that
/// finds its key has the row's place without a second lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    key: u32,
    row: u32,
}

/// An open-addressing table of `capacity` slots holding `keys`, each at the first free
/// slot from its low bits on, with its position in `keys` as its row.
fn slot_table(keys: &[u32], capacity: usize) -> Vec<Slot> {
    let mut slots = vec![Slot { key: 0, row: 0 }; capacity];
    for (row, &key) in keys.iter().enumerate() {
        let mut slot = key as usize & (capacity - 1);
        while slots[slot].key != 0 {
            slot = (slot + 1) & (capacity - 1);
        }
        slots[slot] = Slot {
            key,
            row: row as u32,
        };
    }
    slots
}

/// The row of `key` in a table built by [`slot_table`], if it is there.
fn probe(slots: &[Slot], key: u32) -> Option<usize> {
    let mask = slots.len() - 1;
    let mut slot = key as usize & mask;
    while slots[slot].key != key && slots[slot].key != 0 {
        slot = (slot + 1) & mask;
    }
    (slots[slot].key == key).then_some(slots[slot].row as usize)
}

/// The table capacity for `keys` keys: a power of two at least half as large again.
fn capacity(keys: usize) -> usize {
    (keys + keys / 2).next_power_of_two().max(16)
}

/// The rows of every stage in one table. All stages read the same word features, so
/// one probe finds a key's rows for all of them, side by side in memory: the lookups
/// of a word's features, most of them cache misses, are shared by the stages.
///
/// Rows are stored once per key, not per slot: the empty slots a fast probe needs then
/// cost eight bytes each rather than a row per stage, which took the table from 9.4 to
/// 6.5 MB for the shipped model (fewer pages to fault in at start, fewer cache lines).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// The number of stages.
    stages: usize,
    /// The keys of any stage, ascending; key `keys[i]` has rows `i * stages..`.
    keys: Vec<u32>,
    /// Open-addressing table of `keys`.
    slots: Vec<Slot>,
    /// `stages` rows per key, stage 0 first; zeros where a stage lacks the key.
    rows: Vec<[i16; TAGS]>,
}

impl Table {
    /// The table of the stages `stages`.
    fn new(stages: &[StageBytes]) -> Table {
        let mut keys: Vec<u32> = stages.iter().flat_map(|s| s.keys.iter().copied()).collect();
        // Each stage's keys are ascending: a stable sort merges the runs.
        keys.sort();
        keys.dedup();
        let slots = slot_table(&keys, capacity(keys.len()));
        let mut rows = vec![[0i16; TAGS]; keys.len() * stages.len()];
        for (n, stage) in stages.iter().enumerate() {
            let count = stage.keys.len();
            // The stage's columns, read side by side: each yields one weight per key.
            let mut columns: [_; TAGS] = std::array::from_fn(|tag| {
                stage.columns[tag * 2 * count..(tag + 1) * 2 * count].chunks_exact(2)
            });
            for &key in &stage.keys {
                let index = probe(&slots, key).expect("every key was inserted");
                rows[index * stages.len() + n] = std::array::from_fn(|tag| {
                    let bytes = columns[tag].next().expect("a weight per key and tag");
                    i16::from_le_bytes([bytes[0], bytes[1]])
                });
            }
        }
        Table {
            stages: stages.len(),
            keys,
            slots,
            rows,
        }
    }

    /// The weights of `stage`, the `n`-th: the keys whose rows of that stage are not all
    /// zero (a file's rows of zeros score nothing and are not written back).
    #[cfg(any(test, feature = "unstable-internals"))]
    pub(crate) fn weights(&self, n: usize, stage: &Stage) -> Weights {
        let mut keys = Vec::new();
        let mut rows = Vec::new();
        for (i, &key) in self.keys.iter().enumerate() {
            let row = &self.rows[i * self.stages + n];
            if *row != [0; TAGS] {
                keys.push(key);
                rows.extend_from_slice(row);
            }
        }
        Weights {
            keys,
            rows,
            transitions: stage.transitions.clone(),
        }
    }

    /// Each word's score per tag at every stage (the sums of its feature rows): word
    /// `i` of the `features.len()` words at stage `n` is `out[n * features.len() + i]`.
    ///
    /// All keys are looked up first, then the rows of those in the model added: the
    /// processor fetches the rows of many keys at once instead of waiting for each in
    /// turn, and the keys the model lacks add nothing.
    pub(crate) fn emissions(&self, features: &Features, out: &mut Vec<[i32; TAGS]>) {
        let words = features.len();
        out.clear();
        out.resize(words * self.stages, [0; TAGS]);
        let (found, starts) = self.found(features);
        for i in 0..words {
            let word = &found[starts[i]..starts[i + 1]];
            for n in 0..self.stages {
                out[n * words + i] = self.sum_rows(word, n);
            }
        }
    }

    /// Adds each word's feature rows of stage `stage` to its scores in `out`: for the
    /// features only later stages read.
    pub(crate) fn add_emissions(&self, stage: usize, features: &Features, out: &mut [[i32; TAGS]]) {
        let (found, starts) = self.found(features);
        for (i, scores) in out.iter_mut().enumerate() {
            let sum = self.sum_rows(&found[starts[i]..starts[i + 1]], stage);
            for (s, w) in scores.iter_mut().zip(sum) {
                *s += w;
            }
        }
    }

    /// The row indices of the features' keys that the model has, all words' in one list,
    /// and where each word's begin (one more entry than words).
    fn found(&self, features: &Features) -> (Vec<usize>, Vec<usize>) {
        let mut found = Vec::with_capacity(features.keys.len());
        let mut starts = Vec::with_capacity(features.len() + 1);
        for i in 0..features.len() {
            starts.push(found.len());
            found.extend(
                features
                    .of(i)
                    .iter()
                    .filter_map(|&key| probe(&self.slots, key)),
            );
        }
        starts.push(found.len());
        (found, starts)
    }

    /// The sum of stage `stage`'s rows of the keys `found`, kept in registers while it
    /// is summed rather than added to memory row by row. The first sixteen weights of a
    /// row are summed apart from the last: sixteen lanes fill whole vector registers,
    /// which seventeen would not, and the compiler then adds them as vectors.
    fn sum_rows(&self, found: &[usize], stage: usize) -> [i32; TAGS] {
        const LANES: usize = 16;
        let mut head = [0i32; LANES];
        let mut last = 0i32;
        for &key in found {
            let row = &self.rows[key * self.stages + stage];
            let (row_head, row_last) = row.split_at(LANES);
            for (s, &w) in head.iter_mut().zip(row_head) {
                *s += i32::from(w);
            }
            last += i32::from(row_last[0]);
        }
        std::array::from_fn(|t| if t < LANES { head[t] } else { last })
    }
}

fn take_u32(input: &mut &[u8]) -> Option<u32> {
    let (bytes, rest) = input.split_first_chunk::<4>()?;
    *input = rest;
    Some(u32::from_le_bytes(*bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_through_the_table_and_sum() {
        let mut row = [0i16; TAGS];
        row[3] = 7;
        let weights = Weights::new(
            vec![(42, row), (9, [1; TAGS]), (11, [0; TAGS])],
            vec![2; TRANSITIONS],
        );
        assert_eq!(weights.len(), 2, "a row of zeros is left out");
        let other = Weights::new(vec![(5, [3; TAGS])], vec![-4; TRANSITIONS]);
        let mut bytes = Vec::new();
        weights.write(&mut bytes);
        other.write(&mut bytes);
        let (stages, table) = read(&bytes, 2).expect("well formed");
        assert_eq!(table.weights(0, &stages[0]), weights);
        assert_eq!(table.weights(1, &stages[1]), other);
        assert!(read(&bytes[..bytes.len() - 1], 2).is_none());
        assert!(read(&bytes, 1).is_none(), "bytes left over");
        assert!(read(&bytes, 3).is_none());

        let features = Features {
            keys: vec![42, 9, 5],
            starts: vec![0, 3],
        };
        let mut out = vec![[0; TAGS]];
        table.add_emissions(0, &features, &mut out);
        assert_eq!(out[0][3], 8);
        assert_eq!(out[0][0], 1);
        let mut later = vec![[0; TAGS]];
        table.add_emissions(1, &features, &mut later);
        assert_eq!(later[0], [3; TAGS]);
        let mut both = Vec::new();
        table.emissions(&features, &mut both);
        assert_eq!(both, [out[0], later[0]]);
    }

    #[test]
    fn malformed_keys_are_refused() {
        let weights = Weights::new(vec![(9, [1; TAGS]), (42, [2; TAGS])], vec![0; TRANSITIONS]);
        let mut bytes = Vec::new();
        weights.write(&mut bytes);
        let first_key = 4 + 4 * TRANSITIONS;
        let mut descending = bytes.clone();
        // The second key's delta of 0 repeats the first key.
        descending[first_key + 4..first_key + 8].copy_from_slice(&0u32.to_le_bytes());
        assert!(read(&descending, 1).is_none());
        let mut zero = bytes;
        zero[first_key..first_key + 4].copy_from_slice(&0u32.to_le_bytes());
        assert!(read(&zero, 1).is_none());
    }
}

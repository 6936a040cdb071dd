//! The weights of one tagging stage: a 17-number row per feature key (one number per
//! tag), quantized to 16 bits, looked up in an open-addressing table; and the tag
//! transition scores that Viterbi decoding adds.

use super::features::Features;
use super::tags::{Decoder, TAGS};

/// Transition rows: one per previous tag, then one for the sentence start.
pub(crate) const TRANSITIONS: usize = (TAGS + 1) * TAGS;

/// The weights of one stage.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    /// Feature keys, ascending; row `i` of `rows` belongs to `keys[i]`.
    keys: Vec<u32>,
    /// `TAGS` weights per key.
    rows: Vec<i16>,
    /// `transitions[prev * TAGS + tag]`, with `prev == TAGS` at the sentence start.
    transitions: Vec<i32>,
    /// The transitions laid out for decoding, built once rather than per sentence.
    decoder: Decoder,
}

impl Weights {
    /// Weights from (key, row) pairs and transition scores.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn new(mut entries: Vec<(u32, [i16; TAGS])>, transitions: Vec<i32>) -> Weights {
        entries.sort_unstable_by_key(|e| e.0);
        entries.dedup_by_key(|e| e.0);
        let keys: Vec<u32> = entries.iter().map(|e| e.0).collect();
        let rows: Vec<i16> = entries.iter().flat_map(|e| e.1).collect();
        Weights::from_columns(keys, rows, transitions)
    }

    fn from_columns(keys: Vec<u32>, rows: Vec<i16>, transitions: Vec<i32>) -> Weights {
        Weights {
            keys,
            rows,
            decoder: Decoder::new(&transitions),
            transitions,
        }
    }

    /// The number of feature keys.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The decoder of this stage's transition scores.
    pub(crate) fn decoder(&self) -> &Decoder {
        &self.decoder
    }

    /// Appends the weights to `out`: counts, transitions, keys as deltas, rows.
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

    /// Reads weights written by [`Weights::write`], advancing `input`; `None` if malformed.
    pub(crate) fn read(input: &mut &[u8]) -> Option<Weights> {
        let count = take_u32(input)? as usize;
        let transitions = (0..TRANSITIONS)
            .map(|_| take_u32(input).map(|v| v as i32))
            .collect::<Option<Vec<i32>>>()?;
        let mut keys = Vec::with_capacity(count);
        let mut previous = 0u32;
        for _ in 0..count {
            previous = previous.checked_add(take_u32(input)?)?;
            keys.push(previous);
        }
        if keys.contains(&0) || keys.windows(2).any(|w| w[0] >= w[1]) {
            return None;
        }
        let mut rows = vec![0i16; count.checked_mul(TAGS)?];
        for tag in 0..TAGS {
            // One tag's column at once: the model holds millions of weights, read at
            // every start.
            let (column, rest) = input.split_at_checked(count.checked_mul(2)?)?;
            *input = rest;
            for (row, bytes) in rows.chunks_exact_mut(TAGS).zip(column.chunks_exact(2)) {
                row[tag] = i16::from_le_bytes([bytes[0], bytes[1]]);
            }
        }
        Some(Weights::from_columns(keys, rows, transitions))
    }
}

/// An open-addressing table of `capacity` slots holding `keys`, each at the first free
/// slot from its low bits on; 0 marks an empty slot.
fn slot_table(keys: &[u32], capacity: usize) -> Vec<u32> {
    let mut slots = vec![0u32; capacity];
    for &key in keys {
        let mut slot = key as usize & (capacity - 1);
        while slots[slot] != 0 {
            slot = (slot + 1) & (capacity - 1);
        }
        slots[slot] = key;
    }
    slots
}

/// The slot holding `key` in a table built by [`slot_table`], if it is there.
fn probe(slots: &[u32], key: u32) -> Option<usize> {
    let mask = slots.len() - 1;
    let mut slot = key as usize & mask;
    while slots[slot] != key && slots[slot] != 0 {
        slot = (slot + 1) & mask;
    }
    (slots[slot] == key).then_some(slot)
}

/// The table capacity for `keys` keys: a power of two at least half as large again.
fn capacity(keys: usize) -> usize {
    (keys + keys / 2).next_power_of_two().max(16)
}

/// The rows of every stage in one table. All stages read the same word features, so
/// one probe finds a key's rows for all of them, side by side in memory: the lookups
/// of a word's features, most of them cache misses, are shared by the stages.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// The number of stages.
    stages: usize,
    /// Open-addressing table of the keys of any stage; key 0 marks an empty slot.
    slot_keys: Vec<u32>,
    /// `stages` rows per slot, stage 0 first; zeros where a stage lacks the key.
    slot_rows: Vec<[i16; TAGS]>,
}

impl Table {
    /// The table of the stages `stages`.
    pub(crate) fn new(stages: &[Weights]) -> Table {
        let mut keys: Vec<u32> = stages.iter().flat_map(|w| w.keys.iter().copied()).collect();
        // Each stage's keys are ascending: a stable sort merges the runs.
        keys.sort();
        keys.dedup();
        let slot_keys = slot_table(&keys, capacity(keys.len()));
        let mut slot_rows = vec![[0i16; TAGS]; slot_keys.len() * stages.len()];
        for (n, weights) in stages.iter().enumerate() {
            for (&key, row) in weights.keys.iter().zip(weights.rows.chunks_exact(TAGS)) {
                let slot = probe(&slot_keys, key).expect("every key was inserted");
                slot_rows[slot * stages.len() + n] =
                    row.try_into().expect("rows have TAGS weights");
            }
        }
        Table {
            stages: stages.len(),
            slot_keys,
            slot_rows,
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
        let (slots, starts) = self.slots(features);
        for i in 0..words {
            let word = &slots[starts[i]..starts[i + 1]];
            for n in 0..self.stages {
                out[n * words + i] = self.sum_rows(word, n);
            }
        }
    }

    /// Adds each word's feature rows of stage `stage` to its scores in `out`: for the
    /// features only later stages read.
    pub(crate) fn add_emissions(&self, stage: usize, features: &Features, out: &mut [[i32; TAGS]]) {
        let (slots, starts) = self.slots(features);
        for (i, scores) in out.iter_mut().enumerate() {
            let sum = self.sum_rows(&slots[starts[i]..starts[i + 1]], stage);
            for (s, w) in scores.iter_mut().zip(sum) {
                *s += w;
            }
        }
    }

    /// The slots of the features' keys that the model has, all words' in one list, and
    /// where each word's begin (one more entry than words).
    fn slots(&self, features: &Features) -> (Vec<usize>, Vec<usize>) {
        let mut slots = Vec::with_capacity(features.keys.len());
        let mut starts = Vec::with_capacity(features.len() + 1);
        for i in 0..features.len() {
            starts.push(slots.len());
            slots.extend(
                features
                    .of(i)
                    .iter()
                    .filter_map(|&key| probe(&self.slot_keys, key)),
            );
        }
        starts.push(slots.len());
        (slots, starts)
    }

    /// The sum of stage `stage`'s rows in the slots `slots`, kept in registers while it
    /// is summed rather than added to memory row by row. The first sixteen weights of a
    /// row are summed apart from the last: sixteen lanes fill whole vector registers,
    /// which seventeen would not, and the compiler then adds them as vectors.
    fn sum_rows(&self, slots: &[usize], stage: usize) -> [i32; TAGS] {
        const LANES: usize = 16;
        let mut head = [0i32; LANES];
        let mut last = 0i32;
        for &slot in slots {
            let row = &self.slot_rows[slot * self.stages + stage];
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
    fn weights_round_trip_and_sum_rows() {
        let mut row = [0i16; TAGS];
        row[3] = 7;
        let weights = Weights::new(vec![(42, row), (9, [1; TAGS])], vec![2; TRANSITIONS]);
        let mut bytes = Vec::new();
        weights.write(&mut bytes);
        let mut input = &bytes[..];
        assert_eq!(Weights::read(&mut input), Some(weights.clone()));
        assert!(input.is_empty());
        assert_eq!(Weights::read(&mut &bytes[..bytes.len() - 1]), None);
        let features = Features {
            keys: vec![42, 9, 5],
            starts: vec![0, 3],
        };
        let other = Weights::new(vec![(5, [3; TAGS])], vec![2; TRANSITIONS]);
        let table = Table::new(&[weights, other]);
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
}

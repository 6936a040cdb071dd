//! The weights of one tagging stage: a 17-number row per feature key (one number per
//! tag), quantized to 16 bits, looked up in an open-addressing table; and the tag
//! transition scores that Viterbi decoding adds.

use super::features::Features;
use super::tags::TAGS;

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
    /// Open-addressing table of keys with their rows, so that a lookup touches one
    /// place in memory; key 0 marks an empty slot.
    slots: Vec<Slot>,
}

/// One slot of the lookup table.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Slot {
    key: u32,
    row: [i16; TAGS],
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
        let capacity = (keys.len() + keys.len() / 2).next_power_of_two().max(16);
        let empty = Slot {
            key: 0,
            row: [0; TAGS],
        };
        let mut slots = vec![empty; capacity];
        for (&key, row) in keys.iter().zip(rows.chunks_exact(TAGS)) {
            let mut slot = key as usize & (capacity - 1);
            while slots[slot].key != 0 {
                slot = (slot + 1) & (capacity - 1);
            }
            slots[slot] = Slot {
                key,
                row: row.try_into().expect("rows have TAGS weights"),
            };
        }
        Weights {
            keys,
            rows,
            transitions,
            slots,
        }
    }

    /// The number of feature keys.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The transition scores.
    pub(crate) fn transitions(&self) -> &[i32] {
        &self.transitions
    }

    fn row(&self, key: u32) -> Option<&[i16; TAGS]> {
        let mask = self.slots.len() - 1;
        let mut slot = key as usize & mask;
        loop {
            let found = &self.slots[slot];
            if found.key == key {
                return Some(&found.row);
            }
            if found.key == 0 {
                return None;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Each word's score per tag: the sum of its feature rows.
    pub(crate) fn emissions(&self, features: &Features, out: &mut Vec<[i32; TAGS]>) {
        out.clear();
        out.resize(features.len(), [0; TAGS]);
        self.add_emissions(features, out);
    }

    /// Adds each word's feature rows to its scores in `out`.
    pub(crate) fn add_emissions(&self, features: &Features, out: &mut [[i32; TAGS]]) {
        for (i, scores) in out.iter_mut().enumerate() {
            for &key in features.of(i) {
                if let Some(row) = self.row(key) {
                    for (s, &w) in scores.iter_mut().zip(row) {
                        *s += i32::from(w);
                    }
                }
            }
        }
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
            for row in rows.chunks_exact_mut(TAGS) {
                let (bytes, rest) = input.split_first_chunk::<2>()?;
                row[tag] = i16::from_le_bytes(*bytes);
                *input = rest;
            }
        }
        Some(Weights::from_columns(keys, rows, transitions))
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
        let mut out = Vec::new();
        weights.emissions(&features, &mut out);
        assert_eq!(out[0][3], 8);
        assert_eq!(out[0][0], 1);
    }
}

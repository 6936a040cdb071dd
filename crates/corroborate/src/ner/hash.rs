//! Feature keys: every feature is a template number and a string (or a combination of
//! strings) hashed to 32 bits, so the model stores no strings and extraction allocates
//! almost nothing. Collisions among the ~10⁵ kept features are rare and harmless.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map keyed by hashes computed here: they are used as they are, not hashed again.
pub(crate) type Map<V> = HashMap<u64, V, BuildHasherDefault<Prehashed>>;

/// The hasher of [`Map`]: passes a `u64` key through.
#[derive(Default)]
pub(crate) struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = extend(self.0, bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// FNV-1a over bytes, continuing from `hash`.
pub(crate) fn extend(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The FNV-1a hash of a string.
pub(crate) fn of(text: &str) -> u64 {
    extend(0xcbf2_9ce4_8422_2325, text.as_bytes())
}

/// Mixes two hashes so that the order matters (for word pairs and triples).
pub(crate) fn pair(a: u64, b: u64) -> u64 {
    finish(a ^ b.rotate_left(23).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The splitmix64 finalizer: spreads every input bit over the output.
fn finish(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The key of feature template `template` with value `value`; never 0 (the empty slot).
pub(crate) fn key(template: u8, value: u64) -> u32 {
    let mixed = finish(value ^ (u64::from(template) << 56) ^ u64::from(template));
    ((mixed >> 32) as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_template_value_and_order() {
        let (a, b) = (of("a"), of("b"));
        assert_ne!(key(1, a), key(2, a));
        assert_ne!(key(1, a), key(1, b));
        assert_ne!(pair(a, b), pair(b, a));
        assert_eq!(key(3, pair(a, b)), key(3, pair(a, b)));
    }
}

//! The hash maps and sets of the extraction, resolution and comparison stages.
//!
//! They are keyed by words, names and ids drawn from the articles, millions of times a
//! run: std's SipHash took about 4% of a whole ledger's instructions. foldhash is several
//! times faster and still seeded per process, so crafted input cannot aim at collisions.
//! Nothing may depend on their iteration order (std's is random too): output is sorted.

/// A `HashMap` with foldhash.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashSet` with foldhash.
pub(crate) type HashSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

//! Stable identifiers derived from content and position, never from memory addresses,
//! hash-map order or thread timing, so two runs print the same ledger.

/// 64-bit FNV-1a: small, stable across platforms and releases.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// An id for a document that was given none: `doc-` and 12 hex digits of its content hash.
pub(crate) fn content_id(bytes: &[u8]) -> String {
    format!("doc-{:012x}", fnv1a(bytes) >> 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_ids_are_stable() {
        assert_eq!(content_id(b"abc"), content_id(b"abc"));
        assert_ne!(content_id(b"abc"), content_id(b"abd"));
        assert_eq!(content_id(b"").len(), 16);
    }
}

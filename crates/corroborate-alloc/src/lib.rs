//! The global allocator of the `corroborate` command, its evaluation tools and its
//! bindings: mimalloc, asked through `mi_malloc` and `mi_realloc` wherever the layout's
//! alignment is one mimalloc gives every block of that size anyway.
//!
//! ```
//! #[global_allocator]
//! static ALLOCATOR: corroborate_alloc::Allocator = corroborate_alloc::Allocator;
//! let words: Vec<String> = vec!["tarsk".to_string(); 3];
//! assert_eq!(words.concat(), "tarsktarsktarsk");
//! ```

use std::alloc::{GlobalAlloc, Layout};

use mimalloc::MiMalloc;

/// mimalloc for the ledger's many small strings and vectors. Its methods are inlined
/// into the program's allocation shims: a call more per allocation was 40 M instructions
/// over ECB+. `MiMalloc` asks
/// `mi_malloc_aligned` for every block, whose aligned path took about 55 instructions an
/// allocation, most of it before reaching the same free list that `mi_malloc` pops
/// (docs/benchmarks.md, 2026-12-07, speed2 branch).
pub struct Allocator;

/// The alignment of every mimalloc block of at least this many bytes: a block as large
/// as its alignment is aligned to it (up to this), so `mi_malloc` serves such layouts.
const NATURAL_ALIGN: usize = 16;

/// Whether a block of `size` bytes from `mi_malloc` has the alignment `align`.
#[inline]
fn plain(align: usize, size: usize) -> bool {
    align <= NATURAL_ALIGN && align <= size
}

// SAFETY: every block comes from mimalloc, whose `mi_free` frees blocks of all its
// entry points, and `plain` sends only layouts whose alignment `mi_malloc` and
// `mi_realloc` guarantee to them; the rest go to `MiMalloc`'s aligned calls.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(layout.align(), layout.size()) {
            // SAFETY: see the impl.
            unsafe { libmimalloc_sys::mi_malloc(layout.size()).cast() }
        } else {
            // SAFETY: the caller's contract, passed on.
            unsafe { MiMalloc.alloc(layout) }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe { MiMalloc.alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { MiMalloc.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if plain(layout.align(), new_size) {
            // SAFETY: see the impl; `ptr` is a live mimalloc block.
            unsafe { libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast() }
        } else {
            // SAFETY: the caller's contract, passed on.
            unsafe { MiMalloc.realloc(ptr, layout, new_size) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_their_alignment() {
        for (size, align) in [
            (1, 1),
            (8, 8),
            (24, 8),
            (16, 16),
            (48, 16),
            (64, 32),
            (8, 64),
        ] {
            let layout = Layout::from_size_align(size, align).unwrap();
            // SAFETY: a non-zero size; the block is freed with its layout.
            unsafe {
                let p = Allocator.alloc(layout);
                assert!(!p.is_null());
                assert_eq!(p as usize % align, 0, "{size} bytes aligned to {align}");
                let q = Allocator.realloc(p, layout, size * 3);
                assert_eq!(
                    q as usize % align,
                    0,
                    "{size} bytes grown, aligned to {align}"
                );
                Allocator.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
            }
        }
    }
}

//! The comparisons made by the paths that look items up among others — the mentions
//! inside a phrase, the claims a citation may point to, the documents a story may
//! join — counted in tests, so that a test catches a quadratic path by the work it
//! does at small sizes rather than by its time on a large input.
//!
//! Outside tests [`count`] compiles to nothing.

#[cfg(test)]
thread_local! {
    static COMPARISONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Records `comparisons` items compared or read on the way to a result.
#[inline(always)]
pub(crate) fn count(comparisons: usize) {
    #[cfg(test)]
    COMPARISONS.with(|c| c.set(c.get() + comparisons as u64));
    #[cfg(not(test))]
    let _ = comparisons;
}

/// Runs `f` and returns its result with the comparisons it counted on this thread
/// (run the pipeline in a one-thread pool so that all of its work is on one thread).
#[cfg(test)]
pub(crate) fn counted<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = COMPARISONS.with(std::cell::Cell::get);
    let value = f();
    (value, COMPARISONS.with(std::cell::Cell::get) - before)
}

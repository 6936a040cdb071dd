//! The Python module `corroborate._corroborate`, re-exported as `corroborate`.
//!
//! A thin layer: it converts between Python values and the core's types and releases
//! the GIL while the core works. Every rule about articles lives in the core.

mod arrow;
mod chars;
mod convert;
mod document;
mod errors;
mod items;
mod ledger;

use pyo3::prelude::*;

/// The core allocates many small strings and vectors per document from several threads
/// at once; mimalloc takes about a fifth off a ledger's CPU time against the system
/// allocator (docs/benchmarks.md), as in the CLI.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[pymodule]
fn _corroborate(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", corroborate::model::SCHEMA)?;
    m.add_function(wrap_pyfunction!(ledger::ledger, m)?)?;
    m.add_class::<ledger::Ledger>()?;
    m.add_class::<document::Document>()?;
    m.add_class::<items::Span>()?;
    m.add_class::<items::Removed>()?;
    m.add_class::<items::Story>()?;
    m.add_class::<items::Entity>()?;
    m.add_class::<items::Argument>()?;
    m.add_class::<items::Event>()?;
    m.add_class::<items::Attribution>()?;
    m.add_class::<items::Claim>()?;
    m.add_class::<items::Quote>()?;
    m.add_class::<items::Quantity>()?;
    m.add_class::<items::Time>()?;
    m.add_class::<items::Source>()?;
    m.add_class::<items::Reading>()?;
    m.add_class::<items::Comparison>()?;
    m.add_class::<items::Failure>()?;
    errors::register(m)?;
    Ok(())
}

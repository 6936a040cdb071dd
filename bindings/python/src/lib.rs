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
mod progress;
mod stubs;

use pyo3::prelude::*;

/// The core allocates many small strings and vectors per document from several threads
/// at once; mimalloc takes about a fifth off a ledger's CPU time against the system
/// allocator (docs/benchmarks.md), as in the CLI.
#[global_allocator]
static ALLOCATOR: corroborate_alloc::Allocator = corroborate_alloc::Allocator;

/// Every record class, in the order the stubs list them.
macro_rules! records {
    ($($class:path),* $(,)?) => {
        fn add_records(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $( m.add_class::<$class>()?; )*
            Ok(())
        }

        /// The generated part of `_corroborate.pyi`: the table names, the records'
        /// classes and the exceptions (`stubgen.py` writes it into the file and checks it is there).
        #[pyfunction]
        fn _generated_stubs() -> String {
            let tables = format!("_TableName = {}\n", stubs::literal(arrow::TABLES));
            let classes = [tables, $( <$class>::stub() ),*, errors::stub()];
            classes.join("\n")
        }
    };
}

records!(
    document::Document,
    items::Span,
    items::Removed,
    items::Story,
    items::Entity,
    items::Argument,
    items::Event,
    items::Attribution,
    items::Claim,
    items::Quote,
    items::Quantity,
    items::Time,
    items::Source,
    items::Reading,
    items::Comparison,
    items::Failure,
);

#[pymodule]
fn _corroborate(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", corroborate::model::SCHEMA)?;
    m.add_function(wrap_pyfunction!(ledger::ledger, m)?)?;
    // Set, not added: a tool's function, kept out of `__all__` and the stubs.
    m.setattr("_generated_stubs", wrap_pyfunction!(_generated_stubs, m)?)?;
    m.add_class::<ledger::Ledger>()?;
    add_records(m)?;
    errors::register(m)?;
    Ok(())
}

//! `corroborate.ledger(..., progress=...)`: the core's progress reports, shown while it
//! works.
//!
//! The core calls its progress hook from its worker threads. They only send the count
//! down a channel; the thread that called `ledger()` receives it and calls Python, so a
//! callback, or a tqdm bar in a notebook, runs on the caller's thread, as Python code
//! expects, and the workers never wait for the GIL.

use std::sync::{Mutex, mpsc};

use corroborate::{LedgerBuilder, model};
use pyo3::exceptions::{PyImportError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Where progress goes.
pub enum Progress {
    /// A tqdm bar (`tqdm.auto`: a widget in a notebook, text in a terminal), made when
    /// the number of documents is known.
    Bar {
        /// `tqdm.auto.tqdm`.
        tqdm: Py<PyAny>,
        /// The bar, once made.
        bar: Option<Py<PyAny>>,
    },
    /// A callable, called with `(done, total)`.
    Callback(Py<PyAny>),
}

impl Progress {
    /// The `progress` argument: `None` or `False` for none, `True` for a tqdm bar, or a
    /// callable.
    pub fn from_arg(arg: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Progress>> {
        let Some(arg) = arg.filter(|a| !a.is_none()) else {
            return Ok(None);
        };
        if let Ok(on) = arg.extract::<bool>() {
            if !on {
                return Ok(None);
            }
            let tqdm = arg.py().import("tqdm.auto").map_err(|_| {
                PyImportError::new_err(
                    "progress=True shows a tqdm bar and needs tqdm: pip install tqdm",
                )
            })?;
            return Ok(Some(Progress::Bar {
                tqdm: tqdm.getattr("tqdm")?.unbind(),
                bar: None,
            }));
        }
        if arg.is_callable() {
            return Ok(Some(Progress::Callback(arg.clone().unbind())));
        }
        Err(PyTypeError::new_err(
            "progress must be True, False, None or a callable taking (done, total)",
        ))
    }

    /// Shows that `done` of `total` documents are through.
    fn show(&mut self, py: Python<'_>, done: usize, total: usize, shown: usize) -> PyResult<()> {
        match self {
            Progress::Callback(callback) => callback.call1(py, (done, total)).map(drop),
            Progress::Bar { tqdm, bar } => {
                let bar = match bar {
                    Some(bar) => bar,
                    None => {
                        let options = PyDict::new(py);
                        options.set_item("total", total)?;
                        options.set_item("unit", "doc")?;
                        options.set_item("desc", "corroborate")?;
                        bar.insert(tqdm.call(py, (), Some(&options))?)
                    }
                };
                bar.call_method1(py, "update", (done - shown,)).map(drop)
            }
        }
    }

    /// Closes the bar, if one was made.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        match self {
            Progress::Bar { bar: Some(bar), .. } => bar.call_method0(py, "close").map(drop),
            _ => Ok(()),
        }
    }
}

/// Runs `make` on a builder that reports progress, showing it as it comes. The ledger
/// is the same as without progress; an error the progress display raises is returned
/// once the ledger is built (the core's work cannot be cut short).
pub fn run<F>(
    py: Python<'_>,
    mut progress: Progress,
    make: F,
) -> PyResult<Result<model::Ledger, corroborate::Error>>
where
    F: FnOnce(LedgerBuilder) -> Result<model::Ledger, corroborate::Error> + Send,
{
    let (sender, receiver) = mpsc::channel::<(usize, usize)>();
    let builder = LedgerBuilder::new().on_progress(move |done, total| {
        // The receiver outlives the build; a send cannot fail while it runs.
        let _ = sender.send((done, total));
    });
    // Behind a lock only to be shared with the wait that releases the GIL.
    let receiver = Mutex::new(receiver);
    std::thread::scope(|scope| {
        let worker = scope.spawn(move || make(builder));
        let mut shown = 0;
        let mut failed: Option<PyErr> = None;
        // The channel closes when the build drops the builder's hook: at its end.
        while let Ok((first, waiting)) = py.detach(|| {
            let receiver = receiver.lock().expect("only this thread receives");
            // Reports arrive out of order and faster than a display needs: show the
            // furthest of those waiting.
            receiver
                .recv()
                .map(|first| (first, receiver.try_iter().collect::<Vec<_>>()))
        }) {
            let (done, total) = waiting
                .into_iter()
                .fold(first, |a, b| if b.0 > a.0 { b } else { a });
            if done > shown && failed.is_none() {
                failed = progress.show(py, done, total, shown).err();
                shown = done;
            }
        }
        let built = py
            .detach(|| worker.join())
            .expect("the ledger's thread does not panic");
        match failed.map_or_else(|| progress.close(py), Err) {
            Ok(()) => Ok(built),
            Err(error) => Err(error),
        }
    })
}

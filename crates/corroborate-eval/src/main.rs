//! `corroborate-eval`: score corroborate against gold data sets.
//!
//! Each subcommand lives in its own module and prints its figures last, so every
//! number in `docs/quality.md` names the command that produced it.

use std::process::ExitCode;

mod ecb;
mod events;
mod polnear;
mod quantities;
mod synth;
mod tempeval;

/// The allocator the `corroborate` command and the Python package run the library
/// with, so that the figures measured here (the tagger's speed above all) are the ones
/// their users see.
#[global_allocator]
static ALLOCATOR: corroborate_alloc::Allocator = corroborate_alloc::Allocator;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("usage: corroborate-eval COMMAND [ARGS...]");
        return ExitCode::from(2);
    };
    let result: Result<(), String> = match command.as_str() {
        "conll" => corroborate_eval::conll::run(rest),
        "events" => events::run(rest),
        "polnear" => polnear::run(rest),
        "ecb" => ecb::run(rest),
        "quantities" => quantities::run(rest),
        "synth" => synth::run(rest),
        "tempeval" => tempeval::run(rest),
        other => Err(format!("unknown command {other:?}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("corroborate-eval: {message}");
            ExitCode::FAILURE
        }
    }
}

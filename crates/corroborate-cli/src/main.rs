//! The `corroborate` command: turn news articles into a ledger from a shell.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use corroborate::{Error, Ledger, LedgerBuilder};
use indicatif::{ProgressBar, ProgressStyle};

/// The ledger allocates many small strings and vectors per document from two or more
/// threads at once; mimalloc serves them from per-thread pages and takes about a fifth
/// off the CPU time and the peak memory of 100,000 documents against the system
/// allocator (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: corroborate_alloc::Allocator = corroborate_alloc::Allocator;

/// Turn news articles into one ledger: entities, events, claims, quotes, numbers and
/// times, and which claims the outlets agree on, conflict on, or make alone.
#[derive(Parser)]
#[command(name = "corroborate", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the ledger of the given articles.
    Ledger(LedgerArgs),
}

#[derive(clap::Args)]
struct LedgerArgs {
    /// Article files (.txt, .html, .htm), directories of them, or .jsonl manifests.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for documents that give none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Process the readable inputs when some fail; the ledger's `failures` lists the rest.
    #[arg(long)]
    keep_going: bool,
    /// The largest document accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = corroborate::DEFAULT_MAX_DOCUMENT_BYTES)]
    max_document_bytes: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The ledger contract, `corroborate.ledger/1`.
    Json,
    /// A report for people: conflicts, agreements and single-source claims per story.
    Text,
    /// One ledger per story, one JSON object a line.
    Jsonl,
    /// A page to open in a browser: per story, the outlets side by side, disagreements
    /// first, each outlet's words linked to the sentence in its article.
    Html,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Ledger(args) => match run_ledger(&args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("corroborate: {message}");
                ExitCode::FAILURE
            }
        },
    }
}

fn build(args: &LedgerArgs) -> Result<Ledger, Error> {
    let mut builder = LedgerBuilder::new()
        .keep_going(args.keep_going)
        .max_document_bytes(args.max_document_bytes);
    if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(0).with_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents  {per_sec}  {eta} left")
                .expect("valid template"),
        );
        builder = builder.on_progress(move |done, total| {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
            if done == total {
                bar.finish_and_clear();
            }
        });
    }
    if let Some(date) = &args.published {
        builder = builder.published(date);
    }
    for input in &args.inputs {
        builder = builder.path(input)?;
    }
    builder.build()
}

/// The output buffer: a ledger's JSON is about four times its articles' text, and an
/// 8 KiB buffer made a system call for every 8 KiB of it.
const OUTPUT_BUFFER: usize = 1 << 20;

/// Writes `ledger` as it is serialized: a ledger of a year of news is too large to hold
/// twice. Generic rather than over `dyn Write`, so that the serializer's many small
/// writes reach the buffer without a dynamic call each.
fn write_ledger<W: Write>(ledger: &Ledger, format: Format, out: &mut W) -> std::io::Result<()> {
    match format {
        Format::Json => {
            ledger.write_json(&mut *out)?;
            out.write_all(b"\n")
        }
        Format::Text => out.write_all(ledger.to_text().as_bytes()),
        Format::Html => out.write_all(ledger.to_html().as_bytes()),
        Format::Jsonl => ledger.split_by_story().iter().try_for_each(|story| {
            story.write_json(&mut *out)?;
            out.write_all(b"\n")
        }),
    }
}

fn run_ledger(args: &LedgerArgs) -> Result<(), String> {
    // The process ends once the ledger is written, and the operating system takes its
    // memory back at once: dropping it would free its many small strings one by one,
    // on one thread (22 M instructions on ECB+ topics 1-35, a twentieth of the serial
    // work).
    let ledger = std::mem::ManuallyDrop::new(build(args).map_err(|e| format!("{e:#}"))?);
    for failure in &ledger.failures {
        eprintln!("corroborate: skipped: {}", failure.message);
    }
    if ledger.documents.is_empty() {
        return Err("no input could be read".to_string());
    }
    match &args.output {
        Some(path) => {
            let written = std::fs::File::create(path).and_then(|file| {
                let mut out = std::io::BufWriter::with_capacity(OUTPUT_BUFFER, file);
                write_ledger(&ledger, args.format, &mut out).and_then(|()| out.flush())
            });
            written.map_err(|e| format!("{}: cannot write: {e}", path.display()))
        }
        None => {
            let mut stdout =
                std::io::BufWriter::with_capacity(OUTPUT_BUFFER, std::io::stdout().lock());
            match write_ledger(&ledger, args.format, &mut stdout).and_then(|()| stdout.flush()) {
                Ok(()) => Ok(()),
                // A closed pipe (`| head`) is the reader's choice, not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(format!("cannot write to standard output: {e}")),
            }
        }
    }
}

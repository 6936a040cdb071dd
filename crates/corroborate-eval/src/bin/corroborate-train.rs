//! `corroborate-train`: trains the entity tagger on CoNLL-2003 `eng.train`, keeps the
//! epoch that scores best on `eng.testa`, and writes `crates/corroborate/data/ner.model`.
//! Same data, options and seed give the same model bytes.
//!
//! usage: corroborate-train [--train FILE] [--dev FILE] [--out FILE] [--epochs N]
//!        [--seed N] [--min-count N] [--folds N] [--prune N] [--one-stage]

use std::process::ExitCode;

use corroborate::internals::ner_train::{Options, train};
use corroborate_eval::conll;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("corroborate-train: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str, default: String| -> String {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
            .unwrap_or(default)
    };
    let number = |name: &str, default: u64| -> Result<u64, String> {
        value(name, default.to_string())
            .parse()
            .map_err(|_| format!("{name} takes a number"))
    };
    let train_path = value(
        "--train",
        format!("{root}/../shared/eval/conll2003/eng.train"),
    );
    let dev_path = value(
        "--dev",
        format!("{root}/../shared/eval/conll2003/eng.testa"),
    );
    let out = value("--out", format!("{root}/crates/corroborate/data/ner.model"));
    let options = Options {
        epochs: number("--epochs", 15)? as usize,
        seed: number("--seed", 1)?,
        min_count: number("--min-count", 1)? as u32,
        two_stage: !args.iter().any(|a| a == "--one-stage"),
        folds: number("--folds", 2)? as usize,
        prune: number("--prune", 0)? as i16,
    };
    let training = conll::read(&train_path)?;
    let dev = conll::read(&dev_path)?;
    eprintln!("training on {train_path} with {options:?}");
    let (tagger, kept) = train(&training, &options, |stage, epoch, tagger| {
        let score = conll::score(tagger, &dev, 1);
        eprintln!("stage {stage} epoch {epoch}: dev F1 {:.4}", score.f1());
        score.f1()
    });
    let bytes = tagger.to_bytes();
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    let score = conll::score(&tagger, &dev, 1);
    print!("{}", score.report());
    for (stage, (epoch, f1)) in kept.iter().enumerate() {
        println!("stage {}: best epoch {epoch} (dev F1 {f1:.4})", stage + 1);
    }
    println!("wrote {out} ({} bytes)", bytes.len());
    Ok(())
}

//! Hostile input through the command line: each ends in a ledger or a clear one-line
//! error, never a panic, a signal or a hang. The behaviours are listed in
//! `docs/reliability.md`. A generous wall-clock guard turns a hang into a failure; it is
//! not a performance assertion.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Far above what any case needs in a debug build; only a hang reaches it.
const HANG_GUARD: Duration = Duration::from_secs(600);

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("corroborate-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `corroborate ledger ARGS`, killing it if it outlives the guard.
fn run(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .arg("ledger")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    // Drain stdout on a thread so a large ledger cannot block the child on a full pipe.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut stdout, &mut buf).unwrap();
        buf
    });
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > HANG_GUARD {
            child.kill().unwrap();
            panic!("corroborate {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut out = child.wait_with_output().unwrap();
    out.stdout = reader.join().unwrap();
    out
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Asserts a clean ledger and returns it.
fn ledger(out: &Output) -> serde_json::Value {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "failed: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Asserts a clean one-line error and returns it.
fn error(out: &Output) -> String {
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(!out.status.success(), "expected an error");
    assert_eq!(
        out.status.code(),
        Some(1),
        "an exit code, not a signal: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    stderr
}

#[test]
fn a_document_over_the_limit_is_refused_and_the_limit_is_configurable() {
    let dir = scratch("huge");
    let file = dir.join("huge.txt");
    let mut f = std::fs::File::create(&file).unwrap();
    let block = "The committee met again. ".repeat(4096);
    for _ in 0..(100 << 20) / block.len() + 1 {
        f.write_all(block.as_bytes()).unwrap();
    }
    drop(f);
    let message = error(&run(&[p(&file)]));
    assert!(
        message.contains("huge.txt") && message.contains("over the limit of 67108864 bytes"),
        "{message}"
    );
    // The limit is the caller's: a small document past a small limit is refused too.
    let small = dir.join("small.txt");
    std::fs::write(&small, "The committee met again. ".repeat(80)).unwrap();
    let message = error(&run(&[p(&small), "--max-document-bytes", "1000"]));
    assert!(
        message.contains("small.txt") && message.contains("over the limit of 1000 bytes"),
        "{message}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_ten_megabyte_line_gives_a_ledger() {
    let dir = scratch("long-line");
    let file = dir.join("line.txt");
    let words = [
        "officials",
        "said",
        "Paris",
        "and",
        "“quoted”",
        "42",
        "ministry",
        "Anna",
        "Berg",
    ];
    let mut line = String::with_capacity(10 << 20);
    let mut i = 0;
    while line.len() < 10 << 20 {
        line.push_str(words[i % words.len()]);
        line.push(' ');
        i += 1;
    }
    std::fs::write(&file, &line).unwrap();
    let ledger = ledger(&run(&[p(&file)]));
    assert_eq!(
        ledger["documents"][0]["text"].as_str().unwrap().len(),
        line.len()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn many_one_line_documents_are_all_kept() {
    let dir = scratch("many");
    let manifest = dir.join("many.jsonl");
    let count = 20_000;
    let mut body = String::new();
    for i in 0..count {
        body.push_str(&format!(
            "{{\"id\": \"d{i}\", \"text\": \"Item {i} was sold in Oslo.\"}}\n"
        ));
    }
    std::fs::write(&manifest, body).unwrap();
    let ledger = ledger(&run(&[p(&manifest)]));
    assert_eq!(ledger["documents"].as_array().unwrap().len(), count);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn deeply_nested_html_gives_a_ledger_or_an_empty_document_error() {
    let dir = scratch("nested");
    let file = dir.join("deep.html");
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>The bottom of the page.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    std::fs::write(&file, html).unwrap();
    let out = run(&[p(&file)]);
    if out.status.success() {
        ledger(&out);
    } else {
        assert!(error(&out).contains("deep.html"));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn binary_files_are_refused_by_name() {
    let dir = scratch("binary");
    let file = dir.join("image.txt");
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(&file, &bytes).unwrap();
    let message = error(&run(&[p(&file)]));
    assert!(
        message.contains("image.txt: invalid UTF-8 at byte offset"),
        "{message}"
    );
}

#[test]
fn nul_bytes_unbalanced_quotes_huge_numbers_and_impossible_dates() {
    let dir = scratch("odd");
    let file = dir.join("odd.txt");
    let text = format!(
        "The mayor\0 said “this never closes. On 31 February 2024 the council counted {} votes.\n\
\"Another one opens” and ‘closes’ badly. He paid $9{} for it.\n",
        "9".repeat(500),
        ",999".repeat(100)
    );
    std::fs::write(&file, &text).unwrap();
    let out = run(&[p(&file), "--published", "2024-07-16"]);
    let ledger = ledger(&out);
    assert_eq!(ledger["documents"][0]["text"].as_str().unwrap(), text);
    for q in ledger["quantities"].as_array().unwrap() {
        assert!(
            q["value"].is_number(),
            "every quantity value is a finite number: {q}"
        );
    }
    for t in ledger["times"].as_array().unwrap() {
        assert!(
            !t["value"].as_str().unwrap_or("").contains("02-31"),
            "no impossible dates: {t}"
        );
    }
}

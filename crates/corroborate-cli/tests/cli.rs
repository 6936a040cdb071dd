//! The `corroborate` command end to end: bad inputs get one clear line naming the input
//! and the problem; good inputs give the same bytes on every run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn corroborate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("corroborate-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the command, expects failure, and returns its one-line message.
fn failure(args: &[&str]) -> String {
    let out = corroborate(args);
    assert!(!out.status.success(), "expected failure for {args:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    stderr
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn missing_file_is_named() {
    let dir = scratch("missing");
    let missing = dir.join("nowhere.txt");
    let message = failure(&["ledger", path_str(&missing)]);
    assert!(message.contains("nowhere.txt"), "{message}");
    assert!(message.contains("No such file"), "{message}");
}

#[test]
fn unreadable_directory_entry_is_named() {
    let dir = scratch("unsupported");
    let binary = dir.join("photo.jpg");
    std::fs::write(&binary, [0xff, 0xd8, 0xff]).unwrap();
    let message = failure(&["ledger", path_str(&binary)]);
    assert!(
        message.contains("photo.jpg") && message.contains("not an article file"),
        "{message}"
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = scratch("utf8");
    let file = dir.join("bad.txt");
    std::fs::write(&file, b"Good start \xff bad byte").unwrap();
    let message = failure(&["ledger", path_str(&file)]);
    assert!(
        message.contains("bad.txt: invalid UTF-8 at byte offset 11"),
        "{message}"
    );
}

#[test]
fn empty_document_is_an_error() {
    let dir = scratch("empty");
    let file = dir.join("empty.txt");
    std::fs::write(&file, " \n\t\n").unwrap();
    let message = failure(&["ledger", path_str(&file)]);
    assert!(
        message.contains("empty.txt: the document is empty"),
        "{message}"
    );
}

#[test]
fn malformed_manifest_line_is_numbered() {
    let dir = scratch("manifest");
    std::fs::write(dir.join("a.txt"), "The port reopened on Monday.").unwrap();
    let manifest = dir.join("m.jsonl");
    std::fs::write(
        &manifest,
        "{\"id\": \"a\", \"path\": \"a.txt\"}\n{\"id\": \"b\", \"path\": \n",
    )
    .unwrap();
    let message = failure(&["ledger", path_str(&manifest)]);
    assert!(message.contains("m.jsonl:2: invalid JSON"), "{message}");

    std::fs::write(
        &manifest,
        "{\"id\": 7, \"text\": \"A text.\", \"published\": 2024}\n",
    )
    .unwrap();
    let message = failure(&["ledger", path_str(&manifest)]);
    assert!(
        message.contains("m.jsonl:1: field \"published\" must be a string, found a number"),
        "{message}"
    );

    std::fs::write(&manifest, "{\"id\": \"x\"}\n").unwrap();
    let message = failure(&["ledger", path_str(&manifest)]);
    assert!(
        message.contains("m.jsonl:1: missing \"path\" or \"text\""),
        "{message}"
    );
}

#[test]
fn bad_dates_are_named() {
    let dir = scratch("dates");
    let file = dir.join("a.txt");
    std::fs::write(&file, "The port reopened on Monday.").unwrap();
    let message = failure(&["ledger", path_str(&file), "--published", "2024-02-31"]);
    assert!(
        message.contains("--published: bad date \"2024-02-31\""),
        "{message}"
    );

    let manifest = dir.join("m.jsonl");
    std::fs::write(
        &manifest,
        "{\"id\": \"a\", \"path\": \"a.txt\", \"published\": \"16/07/2024\"}\n",
    )
    .unwrap();
    let message = failure(&["ledger", path_str(&manifest)]);
    assert!(
        message.contains("a.txt: bad date \"16/07/2024\""),
        "{message}"
    );
}

#[test]
fn duplicate_ids_are_refused() {
    let dir = scratch("dupes");
    let manifest = dir.join("m.jsonl");
    std::fs::write(
        &manifest,
        "{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"a\", \"text\": \"Two.\"}\n",
    )
    .unwrap();
    let message = failure(&["ledger", path_str(&manifest)]);
    assert!(
        message.contains("m.jsonl:2: duplicate document id \"a\""),
        "{message}"
    );
}

fn example_story() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/stories/lisbon-defector/manifest.jsonl")
}

#[test]
fn json_is_byte_identical_across_runs_and_keeps_text() {
    let story = example_story();
    let first = corroborate(&["ledger", path_str(&story), "--format", "json"]);
    let second = corroborate(&["ledger", path_str(&story), "--format", "json"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(first.stdout, second.stdout);
    let ledger: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    for field in [
        "schema",
        "documents",
        "stories",
        "entities",
        "events",
        "claims",
        "quotes",
        "quantities",
        "times",
        "comparisons",
    ] {
        assert!(ledger.get(field).is_some(), "missing {field}");
    }
    let on_disk = std::fs::read_to_string(story.with_file_name("harbour-times.txt")).unwrap();
    assert_eq!(ledger["documents"][0]["text"], on_disk.as_str());
}

#[test]
fn output_file_and_text_report() {
    let dir = scratch("output");
    let out = dir.join("report.txt");
    let story = example_story();
    let status = corroborate(&[
        "ledger",
        path_str(&story),
        "--format",
        "text",
        "--output",
        path_str(&out),
    ]);
    assert!(status.status.success());
    let report = std::fs::read_to_string(out).unwrap();
    assert!(
        report.starts_with("corroborate ledger: 3 documents"),
        "{report}"
    );
}

#[test]
fn html_page_stands_alone_and_its_links_land() {
    let dir = scratch("html");
    let out = dir.join("report.html");
    let story = example_story();
    let status = corroborate(&[
        "ledger",
        path_str(&story),
        "--format",
        "html",
        "-o",
        path_str(&out),
    ]);
    assert!(status.status.success());
    let page = std::fs::read_to_string(out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.trim_end().ends_with("</html>"));
    // Self-contained: nothing fetched, nothing run.
    for outside in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!page.contains(outside), "{outside}");
    }
    for outlet in ["The Harbour Times", "Meridian Wire", "Lisbon Daily Post"] {
        assert!(page.contains(&format!("<th>{outlet} (")), "{outlet}");
    }
    assert_eq!(page.matches("<article ").count(), 3);
    assert!(page.find("<tr class=\"conflict\">") < page.find("<tr class=\"agree\">"));
    // Every link inside the page lands on an element of it.
    let links: Vec<&str> = page
        .split("href=\"#")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(
        page.matches("class=\"cite\" href=\"#").count() > 5,
        "{page}"
    );
    for anchor in links {
        assert!(page.contains(&format!(" id=\"{anchor}\"")), "{anchor}");
    }
}

/// The shared seed story. The tests that read it are `#[ignore]`d, so a run without
/// `../shared` counts them as ignored; `scripts/test.sh` runs them when it is there.
fn shared_manifest() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/ri-il-kyu/manifest.jsonl");
    assert!(
        path.exists(),
        "{} is absent: the test needs ../shared",
        path.display()
    );
    path
}

#[test]
#[ignore = "reads ../shared/corpus beside the checkout"]
fn shared_story_marks_junk_and_keeps_body() {
    let manifest = shared_manifest();
    let out = corroborate(&["ledger", path_str(&manifest), "--format", "json"]);
    assert!(out.status.success());
    let ledger: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = ledger["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let mut removed_reasons = std::collections::BTreeMap::new();
    for doc in docs {
        let id = doc["id"].as_str().unwrap();
        let on_disk =
            std::fs::read_to_string(manifest.with_file_name(format!("{id}.txt"))).unwrap();
        assert_eq!(
            doc["text"].as_str().unwrap(),
            on_disk,
            "text of {id} byte for byte"
        );
        let text = on_disk.as_bytes();
        for r in doc["removed"].as_array().unwrap() {
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            let line = String::from_utf8_lossy(&text[s..e]).to_string();
            removed_reasons
                .entry(id.to_string())
                .or_insert_with(Vec::new)
                .push(r["reason"].as_str().unwrap().to_string());
            // No body sentence is removed: removed lines are short furniture or carry a credit.
            assert!(line.len() < 140 || line.contains("PHOTO"), "{id}: {line}");
        }
    }
    let reasons = |id: &str| removed_reasons.get(id).cloned().unwrap_or_default();
    for expected in [
        "navigation",
        "ticker",
        "byline",
        "read_time",
        "photo_credit",
        "contact",
        "teaser",
        "comments",
    ] {
        assert!(
            reasons("004").iter().any(|r| r == expected),
            "004 lacks {expected}: {:?}",
            reasons("004")
        );
    }
    assert!(
        reasons("001").iter().any(|r| r == "comments")
            && reasons("001").iter().any(|r| r == "photo_credit")
    );
    assert_eq!(reasons("002"), ["login"]);
    assert!(reasons("000").is_empty() && reasons("003").is_empty());
}

#[test]
fn keep_going_lists_failed_inputs() {
    let dir = scratch("keep-going");
    std::fs::write(dir.join("good.txt"), "The port reopened on Monday.").unwrap();
    std::fs::write(dir.join("blank.txt"), "\n").unwrap();
    let missing = dir.join("gone.txt");
    let out = corroborate(&["ledger", path_str(&dir), path_str(&missing), "--keep-going"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ledger: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ledger["documents"].as_array().unwrap().len(), 1);
    let failures: Vec<&str> = ledger["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(failures, ["empty_document", "io"], "sorted by input name");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("skipped") && stderr.contains("blank.txt"),
        "{stderr}"
    );
    // Without --keep-going the first failure stops the run.
    let message = failure(&["ledger", path_str(&dir)]);
    assert!(
        message.contains("blank.txt: the document is empty"),
        "{message}"
    );
}

#[test]
fn oversized_documents_are_refused() {
    let dir = scratch("large");
    let file = dir.join("big.txt");
    std::fs::write(&file, "word ".repeat(100)).unwrap();
    let message = failure(&["ledger", path_str(&file), "--max-document-bytes", "100"]);
    assert!(
        message.contains("big.txt: 500 bytes is over the limit of 100 bytes"),
        "{message}"
    );
}

"""The package and the command line write the same ledger, and `python -m corroborate`
is the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import corroborate
from conftest import REPO, SHARED, spans_of

EXAMPLE = REPO / "examples" / "stories" / "lisbon-defector" / "manifest.jsonl"


def cli() -> str:
    path = os.environ.get("CORROBORATE_CLI") or str(REPO / "target" / "debug" / "corroborate")
    assert Path(path).exists(), f"the command line is not built at {path} (run-tests.sh builds it)"
    return path


def run(command: list[str], *args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*command, "ledger", *map(str, args)], capture_output=True)


def cli_json(*args: str) -> str:
    done = run([cli()], *args)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode("utf-8")


PYTHON_M = [sys.executable, "-m", "corroborate"]


def test_to_json_is_the_command_lines_json(manifest: Path) -> None:
    assert cli_json(str(manifest)) == corroborate.ledger([manifest]).to_json() + "\n"


def test_to_json_is_the_command_lines_json_with_a_default_date(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The bridge closed on Thursday for repairs.", encoding="utf-8")
    expected = cli_json("--published", "2031-03-12", str(path))
    assert corroborate.ledger(path, published="2031-03-12").to_json() + "\n" == expected


@pytest.mark.parametrize("output_format", ["json", "text", "jsonl"])
def test_python_m_prints_what_the_command_line_prints(output_format: str) -> None:
    assert EXAMPLE.exists()
    ours = run(PYTHON_M, "--format", output_format, EXAMPLE)
    theirs = run([cli()], "--format", output_format, EXAMPLE)
    assert (ours.returncode, ours.stderr) == (0, b"")
    assert ours.stdout == theirs.stdout
    assert ours.stdout.startswith(b"{" if output_format != "text" else b"corroborate ledger:")


def test_python_m_writes_the_output_file(tmp_path: Path, manifest: Path) -> None:
    ours, theirs = tmp_path / "ours.json", tmp_path / "theirs.json"
    assert run(PYTHON_M, "--output", ours, "--published", "2031-03-12", manifest).returncode == 0
    assert run([cli()], "--output", theirs, "--published", "2031-03-12", manifest).returncode == 0
    assert ours.read_bytes() == theirs.read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ["missing.txt"],
        ["--published", "2031-02-30", "note.txt"],
        ["--keep-going", "missing.txt"],
        ["--keep-going", "missing.txt", "note.txt"],
        ["--max-document-bytes", "10", "note.txt"],
        ["--output", "no/such/dir/out.json", "note.txt"],
    ],
    ids=["missing", "bad-date", "nothing-readable", "skipped", "too-large", "unwritable"],
)
def test_python_m_fails_as_the_command_line_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    (tmp_path / "note.txt").write_text("The bridge closed on Thursday for repairs.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ours = run(PYTHON_M, *args)
    theirs = run([cli()], *args)
    assert (ours.returncode, ours.stderr, ours.stdout) == (theirs.returncode, theirs.stderr, theirs.stdout)
    assert ours.stderr.startswith(b"corroborate: ")


def test_python_m_rejects_a_bad_command_line() -> None:
    assert run(PYTHON_M).returncode == run([cli()]).returncode == 2
    version = subprocess.run([*PYTHON_M, "--version"], capture_output=True, check=True)
    assert version.stdout.decode().strip() == f"corroborate {corroborate.__version__}"


def shared_manifests() -> list[Path]:
    return sorted((SHARED / "corpus").glob("*/manifest.jsonl"))


@pytest.mark.skipif(not shared_manifests(), reason="no ../shared corpus beside the repository")
@pytest.mark.parametrize("manifest", shared_manifests(), ids=lambda p: p.parent.name)
def test_shared_corpus(manifest: Path) -> None:
    built = corroborate.ledger([manifest])
    assert built.to_json() + "\n" == cli_json(str(manifest))
    texts = {d.id: d.text for d in built.documents}
    for doc, start, end, start_char, end_char in spans_of(built):
        assert texts[doc][start_char:end_char] == texts[doc].encode()[start:end].decode()
    for entity in built.entities:
        for m in entity.mentions:
            assert texts[m.doc][m.start_char : m.end_char].strip(), "a mention is words"
    assert corroborate.Ledger.from_json(built.to_json()) == built

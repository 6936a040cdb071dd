"""The package and the command line write the same ledger."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import corroborate
from conftest import REPO, SHARED, spans_of


def cli() -> str:
    path = os.environ.get("CORROBORATE_CLI") or str(REPO / "target" / "debug" / "corroborate")
    if not Path(path).exists():
        pytest.skip("the command line is not built (run-tests.sh builds it)")
    return path


def cli_json(*args: str) -> str:
    run = subprocess.run([cli(), "ledger", *args], capture_output=True, check=True)
    return run.stdout.decode("utf-8")


def test_to_json_is_the_command_lines_json(manifest: Path) -> None:
    assert cli_json(str(manifest)) == corroborate.ledger([manifest]).to_json() + "\n"


def test_to_json_is_the_command_lines_json_with_a_default_date(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The bridge closed on Thursday for repairs.", encoding="utf-8")
    expected = cli_json("--published", "2031-03-12", str(path))
    assert corroborate.ledger(path, published="2031-03-12").to_json() + "\n" == expected


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

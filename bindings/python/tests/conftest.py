"""Shared fixtures: short synthetic articles written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import corroborate

# Two outlets on one invented happening; non-ASCII on purpose (curly quotes, accents,
# Hangul), so byte and code-point offsets differ.
ARTICLES = {
    "east": (
        "The harbour of Valmora reopened on Monday after a three-day strike, "
        "“We are back to work,” said union leader Élise Marchetti. "
        "About 40 ships were waiting outside."
    ),
    "west": (
        "Valmora’s harbour reopened on Tuesday, officials said. "
        "김민수, a shipping agent, said 35 ships had queued since last week."
    ),
}
PUBLISHED = "2031-03-12"
REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"


@pytest.fixture
def documents() -> list[corroborate.Document]:
    return [
        corroborate.Document(doc_id, text=text, published=PUBLISHED, source=f"The {doc_id.title()} Courier")
        for doc_id, text in ARTICLES.items()
    ]


@pytest.fixture
def ledger(documents: list[corroborate.Document]) -> corroborate.Ledger:
    return corroborate.ledger(documents)


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    """The articles as a JSONL manifest, one as a file beside it and one inline."""
    (tmp_path / "east.txt").write_text(ARTICLES["east"], encoding="utf-8")
    lines = [
        {"id": "east", "path": "east.txt", "published": PUBLISHED, "source": "The East Courier"},
        {"id": "west", "text": ARTICLES["west"], "published": PUBLISHED, "source": "The West Courier"},
    ]
    path = tmp_path / "manifest.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def spans_of(ledger: corroborate.Ledger) -> list[tuple[str, int, int, int, int]]:
    """Every (doc, start, end, start_char, end_char) the ledger holds."""
    items: list[tuple[str, int, int, int, int]] = []
    for entity in ledger.entities:
        items += [(m.doc, m.start, m.end, m.start_char, m.end_char) for m in entity.mentions]
    for event in ledger.events:
        items += [(m.doc, m.start, m.end, m.start_char, m.end_char) for m in event.mentions]
    for group in (ledger.claims, ledger.quotes, ledger.quantities, ledger.times):
        items += [(x.doc, x.start, x.end, x.start_char, x.end_char) for x in group]
    return items

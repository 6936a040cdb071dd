"""Arrow tables and the notebook view."""

from __future__ import annotations

import json
import sys

import pandas as pd  # installed by run-tests.sh, like pyarrow and polars: never skipped
import polars as pl
import pyarrow as pa
import pytest

import corroborate

TABLES = [
    "documents",
    "stories",
    "entities",
    "mentions",
    "events",
    "arguments",
    "claims",
    "quotes",
    "quantities",
    "times",
    "comparisons",
    "failures",
]

# A hand-made ledger with one story told by two outlets that disagree on a number and
# agree on a place: the shape the notebook view is for.
STORY = {
    "schema": "corroborate.ledger/1",
    "documents": [
        {"id": "a", "text": "Ana Vela, 41, left Brindle.", "published": "2031-03-12", "source": "North <Post>",
         "url": None, "title": None, "removed": []},
        {"id": "b", "text": "Vela, 42, left Brindle.", "published": "2031-03-12", "source": "South Post",
         "url": None, "title": None, "removed": []},
    ],
    "stories": [{"id": "s1", "documents": ["a", "b"], "title": "Vela leaves Brindle"}],
    "entities": [
        {"id": "e1", "kind": "person", "name": "Ana Vela", "aliases": ["Ana Vela", "Vela"],
         "mentions": [{"doc": "a", "start": 0, "end": 8}, {"doc": "b", "start": 0, "end": 4}]},
        {"id": "e2", "kind": "location", "name": "Brindle", "aliases": ["Brindle"],
         "mentions": [{"doc": "a", "start": 19, "end": 26}, {"doc": "b", "start": 15, "end": 22}]},
    ],
    "events": [
        {"id": "v1", "type": "departure", "mentions": [{"doc": "a", "start": 14, "end": 18}],
         "arguments": [{"role": "origin", "entity": "e2", "text": "Brindle"}], "time": None, "documents": ["a", "b"]},
    ],
    "claims": [
        {"id": "c1", "doc": "a", "start": 0, "end": 27, "subject": "e1", "subject_text": "Ana Vela",
         "predicate": "age", "value": 41, "value_text": "41", "attribution": None, "hedged": False, "negated": False},
        {"id": "c2", "doc": "b", "start": 0, "end": 23, "subject": "e1", "subject_text": "Vela",
         "predicate": "age", "value": 42, "value_text": "42",
         "attribution": {"entity": None, "text": "police", "cue": "said"}, "hedged": True, "negated": False},
    ],
    "quotes": [],
    "quantities": [],
    "times": [],
    "comparisons": [
        {"story": "s1", "subject": "e1", "predicate": "age", "verdict": "conflict", "readings": [
            {"value": 41, "claims": ["c1"], "documents": ["a"], "sources": []},
            {"value": 42, "claims": ["c2"], "documents": ["b"],
             "sources": [{"entity": None, "text": "police", "documents": ["b"]}]},
        ]},
        {"story": "s1", "subject": "v1", "predicate": "origin", "verdict": "agree", "readings": [
            {"value": "e2", "claims": [], "documents": ["a", "b"], "sources": []},
        ]},
    ],
}


@pytest.fixture
def story() -> corroborate.Ledger:
    return corroborate.Ledger.from_json(json.dumps(STORY))


def test_items_of_a_full_ledger(story: corroborate.Ledger) -> None:
    (person, place) = story.entities
    assert (person.kind, person.name, person.aliases) == ("person", "Ana Vela", ["Ana Vela", "Vela"])
    assert [(m.doc, m.start_char, m.end_char) for m in person.mentions] == [("a", 0, 8), ("b", 0, 4)]
    assert story.entity("e2") == place
    (event,) = story.events
    assert event.type == "departure"
    assert event.arguments[0].entity == "e2"
    first, second = story.claims
    assert first.value == 41.0 and isinstance(first.value, float)
    assert first.attribution is None
    assert second.attribution is not None and second.attribution.cue == "said"
    assert second.hedged and not second.negated
    conflict, agree = story.comparisons
    assert conflict.verdict == "conflict"
    assert [r.value for r in conflict.readings] == [41.0, 42.0]
    assert conflict.readings[1].sources[0].text == "police"
    assert agree.readings[0].value == "e2"
    assert story.stories[0].title == "Vela leaves Brindle"


def test_notebook_view_puts_outlets_side_by_side(story: corroborate.Ledger) -> None:
    html = story._repr_html_()
    assert "Vela leaves Brindle" in html
    assert "North &lt;Post&gt; (a)" in html and "South Post (b)" in html
    assert '<tr class="conflict">' in html and '<tr class="agree">' in html
    assert ">41<" in html and ">42<" in html
    assert "<Post>" not in html


def test_a_comparison_shows_its_own_row(story: corroborate.Ledger) -> None:
    conflict, agree = story.comparisons
    html = conflict._repr_html_()
    assert html.count("<tr class=") == 1
    assert "✗ conflict" in html and "Ana Vela — age" in html
    assert "✓ agree" in agree._repr_html_() and ">Brindle<" in agree._repr_html_()


def test_every_table_exports_through_the_capsule_interface(story: corroborate.Ledger) -> None:
    for name in TABLES:
        table = story.to_arrow(name)  # type: ignore[arg-type]
        assert hasattr(table, "__arrow_c_stream__")
        assert type(table.__arrow_c_stream__()).__name__ == "PyCapsule"
    with pytest.raises(ValueError, match='no table "people"'):
        story.to_arrow("people")  # type: ignore[arg-type]


def test_pyarrow_reads_the_tables(story: corroborate.Ledger) -> None:
    rows = {
        "documents": 2, "stories": 1, "entities": 2, "mentions": 4, "events": 1, "arguments": 1,
        "claims": 2, "quotes": 0, "quantities": 0, "times": 0, "comparisons": 3, "failures": 0,
    }
    for name in TABLES:
        assert pa.table(story.to_arrow(name)).num_rows == rows[name], name  # type: ignore[arg-type]
    mentions = pa.table(story.to_arrow("mentions")).to_pylist()
    assert mentions[1] == {
        "entity": "e1", "kind": "person", "name": "Ana Vela", "doc": "b", "start": 0, "end": 4,
        "start_char": 0, "end_char": 4, "text": "Vela",
    }
    comparisons = pa.table(story.to_arrow("comparisons")).to_pylist()
    assert [(c["verdict"], c["value"], c["value_number"], c["documents"]) for c in comparisons] == [
        ("conflict", "41", 41.0, ["a"]),
        ("conflict", "42", 42.0, ["b"]),
        ("agree", "e2", None, ["a", "b"]),
    ]
    claims = pa.table(story.to_arrow("claims"))
    assert claims.column("attribution_text").to_pylist() == [None, "police"]
    assert claims.schema.field("attribution_text").nullable
    assert not claims.schema.field("subject_text").nullable
    assert [c["sources"] for c in comparisons] == [[], ["police"], []]
    (event,) = pa.table(story.to_arrow("events")).to_pylist()
    assert (event["type"], event["mention_count"], event["argument_count"]) == ("departure", 1, 1)


def test_a_tables_columns_are_its_items_attributes(story: corroborate.Ledger) -> None:
    """The columns follow the classes, which the same declarations make."""
    assert pa.table(story.to_arrow("stories")).column_names == ["id", "documents", "title"]
    claim_columns = pa.table(story.to_arrow("claims")).column_names
    assert claim_columns == [
        "id", "doc", "start", "end", "subject", "subject_text", "predicate", "value", "value_number",
        "value_text", "attribution_entity", "attribution_text", "attribution_cue", "hedged", "negated",
        "time", "start_char", "end_char",
    ]
    claim = story.claims[0]
    for column in claim_columns:
        if not column.startswith("attribution_") and column != "value_number":
            assert hasattr(claim, column), column
    mentions = pa.table(story.to_arrow("mentions")).column_names
    assert mentions == ["entity", "kind", "name", "doc", "start", "end", "start_char", "end_char", "text"]
    assert story.entities[0].mentions[1].text == "Vela"


def test_empty_tables_keep_their_columns() -> None:
    empty = corroborate.ledger(corroborate.Document("a", text="Nothing here."))
    for name in TABLES:
        table = pa.table(empty.to_arrow(name))  # type: ignore[arg-type]
        assert table.num_columns > 0, name


def test_to_pandas_and_to_polars(story: corroborate.Ledger) -> None:
    frame = story.to_pandas("claims")
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["predicate"]) == ["age", "age"]
    assert frame.equals(pa.table(story.to_arrow("claims")).to_pandas())
    polars_frame = story.to_polars("entities")
    assert isinstance(polars_frame, pl.DataFrame)
    assert polars_frame["name"].to_list() == ["Ana Vela", "Brindle"]
    assert polars_frame.equals(pl.DataFrame(story.to_arrow("entities")))
    with pytest.raises(ValueError, match='no table "people"'):
        story.to_polars("people")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "method, missing, install",
    [("to_pandas", "pandas", "pandas pyarrow"), ("to_pandas", "pyarrow", "pandas pyarrow"), ("to_polars", "polars", "polars")],
)
def test_a_missing_dataframe_library_is_named(
    story: corroborate.Ledger, monkeypatch: pytest.MonkeyPatch, method: str, missing: str, install: str
) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # what `import` makes of an absent package
    with pytest.raises(ImportError, match=f"Ledger.{method}\\(\\) needs {missing}.*pip install {install}"):
        getattr(story, method)("claims")


def test_code_point_columns_follow_the_text() -> None:
    doc = corroborate.Document("k", text="“김민수” arrived on Friday.", published="2031-03-12")
    built = corroborate.ledger(doc)
    times = pa.table(built.to_arrow("times")).to_pylist()
    (friday,) = [t for t in times if t["text"] == "Friday"]
    assert doc.text[friday["start_char"] : friday["end_char"]] == "Friday"
    assert friday["start"] - friday["start_char"] == 2 * 2 + 2 * 3  # two quote marks, three syllables

"""Building ledgers from documents and paths, and reading them back."""

from __future__ import annotations

import datetime
import json
import pickle
import sys
from functools import reduce
from pathlib import Path

import pytest

import corroborate
from conftest import ARTICLES, PUBLISHED, spans_of


def test_documents_come_back_sorted_with_their_metadata(ledger: corroborate.Ledger) -> None:
    assert ledger.schema == corroborate.SCHEMA == "corroborate.ledger/1"
    assert [d.id for d in ledger.documents] == sorted(ARTICLES)
    east = ledger.document("east")
    assert east is not None
    assert east.text == ARTICLES["east"]
    assert east.published == PUBLISHED
    assert east.source == "The East Courier"
    assert east.html is None
    assert ledger.document("nowhere") is None


def test_times_are_resolved_against_the_publication_date(ledger: corroborate.Ledger) -> None:
    values = {t.text: t.value for t in ledger.times}
    assert values["Monday"] == "2031-03-10"
    assert values["Tuesday"] == "2031-03-11"


def test_published_takes_a_date_and_fills_documents_without_one() -> None:
    doc = corroborate.Document("a", text="The council met on Friday.")
    as_date = corroborate.ledger([doc], published=datetime.date(2031, 3, 12))
    as_text = corroborate.ledger([doc], published="2031-03-12")
    assert as_date == as_text
    assert as_date.documents[0].published == "2031-03-12"
    dated = corroborate.Document("a", text="x y", published=datetime.datetime(2031, 3, 12, 8, 30))
    assert dated.published == "2031-03-12"


def test_one_input_need_not_be_in_a_list(documents: list[corroborate.Document], manifest: Path) -> None:
    assert corroborate.ledger(documents[0]).documents[0].id == documents[0].id
    assert corroborate.ledger(manifest) == corroborate.ledger(str(manifest))


def test_paths_are_read_as_the_command_line_reads_them(
    tmp_path: Path, manifest: Path, ledger: corroborate.Ledger
) -> None:
    from_manifest = corroborate.ledger([manifest])
    assert from_manifest == ledger
    folder = tmp_path / "folder"
    folder.mkdir()
    for doc_id, text in ARTICLES.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    from_folder = corroborate.ledger([folder], published=PUBLISHED)
    assert [d.id for d in from_folder.documents] == ["east", "west"]
    assert [d.text for d in from_folder.documents] == [d.text for d in ledger.documents]


def test_paths_and_documents_mix(tmp_path: Path, documents: list[corroborate.Document]) -> None:
    path = tmp_path / "north.txt"
    path.write_text("The ferry to Valmora was cancelled on Sunday.", encoding="utf-8")
    mixed = corroborate.ledger([path, *documents], published=PUBLISHED)
    assert [d.id for d in mixed.documents] == ["east", "north", "west"]


def test_html_documents_keep_the_extracted_body() -> None:
    page = "<html><head><title>Harbour</title></head><body><p>The harbour of Valmora reopened.</p></body></html>"
    doc = corroborate.Document("p", html=page)
    assert doc.html == page.encode()
    assert doc.text == ""
    built = corroborate.ledger(doc).documents[0]
    assert "The harbour of Valmora reopened." in built.text
    assert built.html is None
    assert corroborate.Document("p", html=page.encode()).html == page.encode()


def test_document_needs_exactly_one_content() -> None:
    with pytest.raises(TypeError):
        corroborate.Document("a")
    with pytest.raises(TypeError):
        corroborate.Document("a", text="x", html="<p>x</p>")
    with pytest.raises(TypeError):
        corroborate.Document("a", text="x", published=20310312)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        corroborate.ledger([42])  # type: ignore[list-item]


def test_ledger_documents_feed_back_in(ledger: corroborate.Ledger) -> None:
    assert corroborate.ledger(ledger.documents) == ledger


def test_json_round_trips(ledger: corroborate.Ledger) -> None:
    text = ledger.to_json()
    assert json.loads(text)["schema"] == corroborate.SCHEMA
    again = corroborate.Ledger.from_json(text)
    assert again == ledger
    assert again.to_json() == text
    assert corroborate.Ledger.from_json(text.encode()) == ledger


def test_a_ledger_pickles(ledger: corroborate.Ledger) -> None:
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(ledger, protocol=protocol))
        assert isinstance(again, corroborate.Ledger)
        assert again == ledger
        assert again.to_json() == ledger.to_json()


def test_merge_of_parts_is_the_whole(documents: list[corroborate.Document], ledger: corroborate.Ledger) -> None:
    parts = [corroborate.ledger([doc]) for doc in documents]
    assert parts[0].merge(parts[1]) == ledger
    assert parts[1].merge(parts[0]) == ledger
    assert ledger.merge(parts[0]) == ledger


def test_split_by_story_merges_back(ledger: corroborate.Ledger) -> None:
    parts = ledger.split_by_story()
    assert len(parts) == len(ledger.stories)
    for part, story in zip(parts, ledger.stories):
        assert [s.id for s in part.stories] == [story.id]
    if parts:
        assert reduce(corroborate.Ledger.merge, parts) == ledger


def test_item_attributes_match_the_json(ledger: corroborate.Ledger) -> None:
    """Every key of every JSON item is an attribute of the Python item, with the same value."""
    data = json.loads(ledger.to_json())
    for name in ["documents", "stories", "entities", "events", "claims", "quotes", "quantities", "times", "comparisons"]:
        for item, obj in zip(data[name], getattr(ledger, name), strict=True):
            check_same(item, obj, name)


def check_same(item: object, obj: object, where: str) -> None:
    if isinstance(item, dict):
        for key, value in item.items():
            assert hasattr(obj, key), f"{where}: {type(obj).__name__} lacks .{key}"
            check_same(value, getattr(obj, key), f"{where}.{key}")
    elif isinstance(item, list):
        assert isinstance(obj, list) and len(obj) == len(item), where
        for i, (a, b) in enumerate(zip(item, obj)):
            check_same(a, b, f"{where}[{i}]")
    else:
        assert item == obj, f"{where}: {item!r} != {obj!r}"


def test_code_point_offsets_slice_the_same_words_as_byte_offsets(ledger: corroborate.Ledger) -> None:
    spans = spans_of(ledger)
    assert spans, "the synthetic articles yield spans"
    texts = {d.id: d.text for d in ledger.documents}
    for doc, start, end, start_char, end_char in spans:
        text = texts[doc]
        assert text[start_char:end_char] == text.encode()[start:end].decode()
    west_times = [t for t in ledger.times if t.doc == "west" and t.text == "last week"]
    assert west_times, "a time after Hangul text"
    t = west_times[0]
    assert t.start_char < t.start  # multi-byte characters precede it
    assert texts["west"][t.start_char : t.end_char] == "last week"


def test_reprs_name_the_class_and_fields(ledger: corroborate.Ledger) -> None:
    assert repr(ledger).startswith("<Ledger: 2 documents")
    time = ledger.times[0]
    assert repr(time).startswith("Time(doc=")
    assert "start_char=" in repr(time)
    assert repr(ledger.documents[0]).startswith("Document(id='east', text='The harbour")
    assert "..." in repr(ledger.documents[0])


def test_report_is_the_text_report(ledger: corroborate.Ledger) -> None:
    assert ledger.report().startswith("corroborate ledger: 2 documents")


def test_keep_going_lists_what_failed(tmp_path: Path, documents: list[corroborate.Document]) -> None:
    missing = tmp_path / "missing.txt"
    built = corroborate.ledger([missing, *documents], keep_going=True)
    assert [d.id for d in built.documents] == ["east", "west"]
    (failure,) = built.failures
    assert failure.input == str(missing)
    assert failure.code == "io"
    assert str(missing) in failure.message


def test_the_gil_is_released_while_the_core_works() -> None:
    import threading
    import time

    docs = [
        corroborate.Document(f"d{i:05}", text=" ".join([ARTICLES["east"], ARTICLES["west"]] * 5), published=PUBLISHED)
        for i in range(100)
    ]
    ticks: list[float] = []
    stop = threading.Event()

    def tick() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        began = time.perf_counter()
        corroborate.ledger(docs)
        ended = time.perf_counter()
    finally:
        stop.set()
        ticker.join()
    during = [t for t in ticks if began < t < ended]
    assert ended - began > 0.02, "the work is long enough to measure"
    assert len(during) >= 5, f"{len(during)} ticks in {ended - began:.3f}s"


def test_progress_reports_reach_a_callback_on_the_calling_thread(documents: list[corroborate.Document]) -> None:
    import threading

    docs = [corroborate.Document(f"d{i:03}", text=documents[i % 2].text, published=PUBLISHED) for i in range(40)]
    seen: list[tuple[int, int]] = []
    threads: set[int] = set()

    def report(done: int, total: int) -> None:
        seen.append((done, total))
        threads.add(threading.get_ident())

    built = corroborate.ledger(docs, progress=report)
    assert built == corroborate.ledger(docs)
    assert seen[-1] == (40, 40)
    assert [done for done, _ in seen] == sorted({done for done, _ in seen}), "counts only go up"
    assert threads == {threading.get_ident()}


def test_progress_true_draws_a_tqdm_bar(
    documents: list[corroborate.Document], capsys: pytest.CaptureFixture[str]
) -> None:
    import tqdm  # installed by run-tests.sh: never skipped

    assert tqdm.__version__
    built = corroborate.ledger(documents, progress=True)
    assert built == corroborate.ledger(documents, progress=False)
    assert "2/2" in capsys.readouterr().err


def test_progress_true_without_tqdm_says_what_to_install(
    documents: list[corroborate.Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(ImportError, match="pip install tqdm"):
        corroborate.ledger(documents, progress=True)


def test_an_error_in_the_progress_callback_is_raised_after_the_build(
    documents: list[corroborate.Document],
) -> None:
    calls: list[int] = []

    def broken(done: int, total: int) -> None:
        calls.append(done)
        raise RuntimeError("display gone")

    with pytest.raises(RuntimeError, match="display gone"):
        corroborate.ledger(documents, progress=broken)
    assert len(calls) == 1, "a failed display is not called again"
    with pytest.raises(TypeError, match="progress must be"):
        corroborate.ledger(documents, progress="yes")  # type: ignore[arg-type]


def test_progress_with_an_input_error_raises_the_error(tmp_path: Path) -> None:
    with pytest.raises(corroborate.IoError):
        corroborate.ledger([tmp_path / "missing.txt"], progress=lambda done, total: None)

"""Every error kind of the core arrives as its own `corroborate.CorroborateError` subclass,
which is also the built-in exception Python code expects: `OSError` for a file that cannot
be read, `ValueError` for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

import corroborate


def raises(kind: type[corroborate.CorroborateError]):  # type: ignore[no-untyped-def]
    assert issubclass(kind, corroborate.CorroborateError)
    assert issubclass(kind, OSError if kind is corroborate.IoError else ValueError)
    return pytest.raises(kind)


def check(info: pytest.ExceptionInfo[corroborate.CorroborateError], code: str, *words: str) -> None:
    assert info.value.code == code
    for word in words:
        assert word in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with raises(corroborate.IoError) as info:
        corroborate.ledger([missing])
    check(info, "io", str(missing))
    assert not isinstance(info.value, ValueError)
    with pytest.raises(OSError):
        corroborate.ledger(str(missing))


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"caf\xe9 au lait")
    with raises(corroborate.InvalidUtf8Error) as info:
        corroborate.ledger(path)
    check(info, "invalid_utf8", "byte offset 3")


def test_empty_document() -> None:
    with raises(corroborate.EmptyDocumentError) as info:
        corroborate.ledger(corroborate.Document("blank", text="   "))
    check(info, "empty_document", "blank")


def test_manifest_line(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text('{"id": "a", "text": "Fine."}\n{"id": "b"}\n', encoding="utf-8")
    with raises(corroborate.ManifestError) as info:
        corroborate.ledger(path)
    check(info, "manifest", "m.jsonl:2")


def test_bad_date() -> None:
    with raises(corroborate.BadDateError) as info:
        corroborate.ledger(corroborate.Document("a", text="The port reopened.", published="2031-02-30"))
    check(info, "bad_date", "2031-02-30")
    with raises(corroborate.BadDateError):
        corroborate.ledger(corroborate.Document("a", text="The port reopened."), published="yesterday")


def test_duplicate_id() -> None:
    docs = [corroborate.Document("a", text="One."), corroborate.Document("a", text="Two.")]
    with raises(corroborate.DuplicateIdError) as info:
        corroborate.ledger(docs)
    check(info, "duplicate_id", '"a"')
    left = corroborate.ledger(docs[0])
    right = corroborate.ledger(docs[1])
    with raises(corroborate.DuplicateIdError):
        left.merge(right)


def test_too_large() -> None:
    with raises(corroborate.TooLargeError) as info:
        corroborate.ledger(corroborate.Document("a", text="Far more than ten bytes."), max_document_bytes=10)
    check(info, "too_large", "limit of 10 bytes")


def test_unsupported_input(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4")
    with raises(corroborate.UnsupportedInputError) as info:
        corroborate.ledger(path)
    check(info, "unsupported_input", "scan.pdf")


def test_json() -> None:
    with raises(corroborate.JsonError) as info:
        corroborate.Ledger.from_json("{not json")
    check(info, "json", "invalid JSON")


def test_schema() -> None:
    with raises(corroborate.SchemaError) as info:
        corroborate.Ledger.from_json(corroborate.Ledger.from_json(EMPTY).to_json().replace("/1", "/999"))
    check(info, "schema", "/999")


def test_no_documents() -> None:
    with raises(corroborate.NoDocumentsError) as info:
        corroborate.ledger([])
    check(info, "no_documents", "no documents")


EMPTY = (
    '{"schema":"corroborate.ledger/1","documents":[],"stories":[],"entities":[],"events":[],'
    '"claims":[],"quotes":[],"quantities":[],"times":[],"comparisons":[]}'
)


def test_every_error_class_is_exported() -> None:
    kinds = [
        getattr(corroborate, name)
        for name in corroborate.__all__
        if name.endswith("Error") and name not in ("Error", "CorroborateError")
    ]
    assert len(kinds) == 11
    assert len({kind.code for kind in kinds}) == 11
    for kind in kinds:
        assert kind.__module__ == "corroborate"
        assert issubclass(kind, corroborate.CorroborateError)
        assert kind.__doc__
    assert corroborate.Error is corroborate.CorroborateError
    assert corroborate.CorroborateError.__module__ == "corroborate"
    assert not issubclass(corroborate.CorroborateError, (ValueError, OSError))


def test_errors_pickle() -> None:
    """Exceptions cross process boundaries (multiprocessing, Dask) as themselves."""
    import pickle

    with pytest.raises(corroborate.NoDocumentsError) as info:
        corroborate.ledger([])
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is corroborate.NoDocumentsError
    assert str(again) == str(info.value)

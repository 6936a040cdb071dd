"""corroborate turns a pile of news articles into one ledger: the people, organizations
and places in them, the events they report, the claims each article makes and who they
are attributed to, quotes with their speakers, numbers and times normalized, and, across
outlets covering the same story, which claims agree, which conflict and which stand
alone. Every item is traced to offsets in its document's text.

>>> import corroborate
>>> doc = corroborate.Document("a", text="The mayor resigned on Monday.", published="2024-07-16")
>>> ledger = corroborate.ledger([doc])
>>> [t.value for t in ledger.times]
['2024-07-15']
"""

from ._corroborate import (
    SCHEMA,
    Argument,
    Attribution,
    BadDateError,
    Claim,
    Comparison,
    CorroborateError,
    Document,
    DuplicateIdError,
    EmptyDocumentError,
    Entity,
    Error,
    Event,
    Failure,
    InvalidUtf8Error,
    IoError,
    JsonError,
    Ledger,
    ManifestError,
    NoDocumentsError,
    Quantity,
    Quote,
    Reading,
    Removed,
    SchemaError,
    Source,
    Span,
    Story,
    Time,
    TooLargeError,
    UnsupportedInputError,
    __version__,
    ledger,
)

__all__ = [
    "SCHEMA",
    "Argument",
    "Attribution",
    "BadDateError",
    "Claim",
    "Comparison",
    "CorroborateError",
    "Document",
    "DuplicateIdError",
    "EmptyDocumentError",
    "Entity",
    "Error",
    "Event",
    "Failure",
    "InvalidUtf8Error",
    "IoError",
    "JsonError",
    "Ledger",
    "ManifestError",
    "NoDocumentsError",
    "Quantity",
    "Quote",
    "Reading",
    "Removed",
    "SchemaError",
    "Source",
    "Span",
    "Story",
    "Time",
    "TooLargeError",
    "UnsupportedInputError",
    "__version__",
    "ledger",
]

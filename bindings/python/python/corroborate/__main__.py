"""`python -m corroborate ledger INPUT...`: the command line, for those who have the
package but not the `corroborate` binary. Same options, same output byte for byte, same
messages and exit status (0, 1 on an error, 2 on a bad command line)."""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections.abc import Sequence
from typing import BinaryIO

import corroborate


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="corroborate",
        description="Turn news articles into one ledger: entities, events, claims, quotes, numbers "
        "and times, and which claims the outlets agree on, conflict on, or make alone.",
    )
    top.add_argument("-V", "--version", action="version", version=f"corroborate {corroborate.__version__}")
    commands = top.add_subparsers(dest="command", required=True)
    ledger = commands.add_parser("ledger", help="Build the ledger of the given articles.")
    ledger.add_argument(
        "inputs", nargs="+", metavar="INPUT",
        help="Article files (.txt, .html, .htm), directories of them, or .jsonl manifests.",
    )
    ledger.add_argument("--published", metavar="YYYY-MM-DD", help="Publication date for documents that give none.")
    ledger.add_argument(
        "--format", choices=["json", "text", "jsonl"], default="json",
        help="json: the ledger contract; text: a report for people; jsonl: one ledger per story a line.",
    )
    ledger.add_argument("-o", "--output", metavar="FILE", help="Write to this file instead of standard output.")
    ledger.add_argument(
        "--keep-going", action="store_true",
        help="Process the readable inputs when some fail; the ledger's failures lists the rest.",
    )
    ledger.add_argument("--max-document-bytes", type=int, metavar="BYTES", help="The largest document accepted, in bytes.")
    return top


def rendered(ledger: corroborate.Ledger, output_format: str) -> str:
    if output_format == "text":
        return ledger.report()
    if output_format == "jsonl":
        return "".join(story.to_json() + "\n" for story in ledger.split_by_story())
    return ledger.to_json() + "\n"


def os_message(error: OSError) -> str:
    """An OS error as the Rust command line words it."""
    if error.errno is None:
        return str(error)
    return f"{error.strerror} (os error {error.errno})"


def write(out: BinaryIO, data: bytes) -> None:
    out.write(data)
    out.flush()


def run(args: argparse.Namespace) -> str | None:
    """Builds and writes the ledger; the error message, or `None`."""
    options = {} if args.max_document_bytes is None else {"max_document_bytes": args.max_document_bytes}
    # A bar where the command line shows one: on a terminal, when tqdm is there to draw it.
    progress = sys.stderr.isatty() and importlib.util.find_spec("tqdm") is not None
    try:
        ledger = corroborate.ledger(
            args.inputs, args.published, keep_going=args.keep_going, progress=progress, **options
        )
    except corroborate.CorroborateError as error:
        return str(error)
    for failure in ledger.failures:
        print(f"corroborate: skipped: {failure.message}", file=sys.stderr)
    if not ledger.documents:
        return "no input could be read"
    data = rendered(ledger, args.format).encode("utf-8")
    if args.output is not None:
        try:
            with open(args.output, "wb") as out:
                write(out, data)
        except OSError as error:
            return f"{args.output}: cannot write: {os_message(error)}"
        return None
    try:
        write(sys.stdout.buffer, data)
    except BrokenPipeError:
        # A closed pipe (`| head`) is the reader's choice, not an error; what Python
        # flushes at exit goes nowhere instead of failing on the closed stream.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as error:
        return f"cannot write to standard output: {os_message(error)}"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    message = run(args)
    if message is not None:
        print(f"corroborate: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

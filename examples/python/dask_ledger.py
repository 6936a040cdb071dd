"""One ledger from a JSONL corpus on a Dask cluster: a ledger per partition on the
workers, then a tree reduction of the partial ledgers with `Ledger.merge`.

    python examples/python/dask_ledger.py corpus.jsonl --partitions 8 --workers 2 > ledger.json

`Ledger.merge` gives the ledger of the union of its parts however the corpus is cut and
however the merges are grouped, so the result equals a single-process run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import corroborate


def documents(lines: Sequence[str]) -> list[corroborate.Document]:
    """The manifest lines of a partition as documents (inline `text` only)."""
    out = []
    for line in lines:
        row = json.loads(line)
        out.append(
            corroborate.Document(
                str(row["id"]),
                row["text"],
                published=row.get("published"),
                source=row.get("source"),
                url=row.get("url"),
                title=row.get("title"),
            )
        )
    return out


def partition_ledger(lines: Sequence[str]) -> corroborate.Ledger:
    """The ledger of one partition; runs on a worker."""
    return corroborate.ledger(documents(lines))


def merge(left: corroborate.Ledger, right: corroborate.Ledger) -> corroborate.Ledger:
    """Two partial ledgers as one; runs on a worker."""
    return left.merge(right)


def partitions(lines: Sequence[str], count: int) -> list[list[str]]:
    """`lines` cut into `count` consecutive, non-empty parts."""
    count = max(1, min(count, len(lines)))
    size = -(-len(lines) // count)
    return [list(lines[i : i + size]) for i in range(0, len(lines), size)]


def tree_ledger(
    client, lines: Sequence[str], count: int, timeout: float | None = None
) -> corroborate.Ledger:
    """The corpus's ledger computed on `client`'s cluster with a tree reduction; waits
    at most `timeout` seconds for it (for ever by default)."""
    level = client.map(partition_ledger, partitions(lines, count))
    while len(level) > 1:
        pairs = [client.submit(merge, a, b) for a, b in zip(level[::2], level[1::2])]
        level = pairs + ([level[-1]] if len(level) % 2 else [])
    return level[0].result(timeout=timeout)


def main() -> None:
    from dask.distributed import Client, LocalCluster

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a JSONL manifest with inline text")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    with LocalCluster(n_workers=args.workers, threads_per_worker=1) as cluster:
        with Client(cluster) as client:
            sys.stdout.write(tree_ledger(client, lines, args.partitions).to_json())


if __name__ == "__main__":
    main()

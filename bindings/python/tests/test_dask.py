"""The package on a Dask cluster: partial ledgers from worker processes, merged as a
tree, equal the single-process ledger (examples/python/dask_ledger.py)."""

from __future__ import annotations

import json
import os
import sys

import dask.distributed as distributed  # installed by run-tests.sh: never skipped
import pytest

from conftest import REPO

# The workers are processes of their own: they import the example by name, as the
# client does, from the directory it lives in.
EXAMPLES = str(REPO / "examples" / "python")
sys.path.insert(0, EXAMPLES)
import dask_ledger  # noqa: E402

PLACES = ["Valmora", "Kestrel Bay", "Orlen", "Tavira North"]
PEOPLE = ["Élise Marchetti", "Tomas Berg", "Amira Haddad", "Jonas Lindqvist"]


def corpus() -> list[str]:
    """Twelve short articles: four happenings, three outlets each, counts that differ."""
    lines = []
    for story, (place, person) in enumerate(zip(PLACES, PEOPLE)):
        for outlet in range(3):
            text = (
                f"A fire broke out in {place} on Monday, officials said. "
                f"{person}, the mayor, said {20 + story + outlet % 2} homes were destroyed. "
                f"“We will rebuild,” {person.split()[-1]} told reporters."
            )
            lines.append(
                json.dumps(
                    {
                        "id": f"s{story}-o{outlet}",
                        "text": text,
                        "published": "2031-05-06",
                        "source": f"Outlet {outlet}",
                    }
                )
            )
    return lines


def test_tree_reduction_on_a_local_cluster_equals_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [EXAMPLES, os.environ.get("PYTHONPATH")]))
    )
    lines = corpus()
    whole = dask_ledger.partition_ledger(lines)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        # A task a worker cannot run fails the test within the minute, not hangs it.
        merged = dask_ledger.tree_ledger(client, lines, 5, timeout=60)
    assert merged.to_json() == whole.to_json()
    assert len(merged.documents) == len(lines)

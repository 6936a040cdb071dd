"""The package on a Dask cluster: partial ledgers from worker processes, merged as a
tree, equal the single-process ledger (examples/python/dask_ledger.py)."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from conftest import REPO

distributed = pytest.importorskip("dask.distributed")
cloudpickle = pytest.importorskip("cloudpickle")

spec = importlib.util.spec_from_file_location(
    "dask_ledger", REPO / "examples" / "python" / "dask_ledger.py"
)
assert spec is not None and spec.loader is not None
dask_ledger = importlib.util.module_from_spec(spec)
sys.modules["dask_ledger"] = dask_ledger
spec.loader.exec_module(dask_ledger)
# Workers cannot import the example by name: ship its functions by value.
cloudpickle.register_pickle_by_value(dask_ledger)

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


def test_tree_reduction_on_a_local_cluster_equals_one_process() -> None:
    lines = corpus()
    whole = dask_ledger.partition_ledger(lines)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        merged = dask_ledger.tree_ledger(client, lines, 5)
    assert merged.to_json() == whole.to_json()
    assert len(merged.documents) == len(lines)

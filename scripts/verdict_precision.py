#!/usr/bin/env python3
"""Conflict precision and agreement accuracy of `corroborate ledger` on real
multi-outlet coverage, against verdicts labelled by reading the articles.

    python3 scripts/verdict_precision.py target/release/corroborate \
        [--shared ../shared] [--labels scripts/verdict_labels.jsonl] [--work DIR] \
        [--topics 1-5] [--no-fakes]

Runs: ten ECB+ development sub-topics (topics 1-5, each `ecb` and `ecbplus` half as one
run; documents read as ../shared/eval/score/ecb_check.py reads them) and every FA-KES
development incident reported by three or more outlets (one run each; documents, dates
and outlets as ../shared/eval/score/fakes_check.py reads them). Each run's comparisons
with verdict `conflict` or `agree` are matched to the labels by run, subject name,
predicate and reading values. Prints every verdict without a label (to label), then
conflict precision (conflicts labelled real / conflicts labelled), the share of
labelled agreements that are right, and the real disagreements the labels record as
missed. The labels hold document ids, subject, predicate, readings, the judgement and
the class of error, never article text. `--topics A-B` runs other ECB+ development
topics (the conflicts of topics 1-35 are labelled; most of their agreements are not:
the UNLABELLED lines then list what a reader would see), `--no-fakes` leaves the FA-KES
runs out.
"""
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def ecb_runs(shared, first, last):
    """(run id, [(doc id, text, published, source)]) for the ECB+ sub-topics of topics
    `first` to `last`."""
    sys.path.insert(0, os.path.join(shared, "eval", "score"))
    import ecb_check

    root = os.path.join(shared, "eval", "ecbplus")
    for topic in range(first, last + 1):
        if not os.path.isdir(os.path.join(root, str(topic))):
            continue
        for half in ("ecb", "ecbplus"):
            docs = [
                (f[:-4], ecb_check.parse(os.path.join(root, str(topic), f))[0], None, None)
                for f in sorted(os.listdir(os.path.join(root, str(topic))))
                if f.endswith(half + ".xml") and not (half == "ecb" and f.endswith("ecbplus.xml"))
            ]
            yield f"ecb/{topic}-{half}", docs


def fakes_runs(shared):
    """(run id, documents) for the FA-KES incidents reported by three or more outlets."""
    sys.path.insert(0, os.path.join(shared, "eval", "score"))
    import fakes_check

    rows, docs = fakes_check.load(os.path.join(shared, "eval", "fakes"))
    incidents = defaultdict(set)
    for r in rows:
        if docs[r["doc"]]["key"] is not None:
            incidents[r["key"]].add(r["doc"])
    for key in sorted(incidents):
        members = sorted(incidents[key])
        if len({docs[d]["source"] for d in members}) >= 3:
            yield f"fakes/{key[0]} {key[1]}", [
                (d, docs[d]["text"], docs[d]["published"], docs[d]["source"]) for d in members
            ]


def ledger(binary, work, run, docs):
    folder = os.path.join(work, run.replace("/", "_").replace(" ", "_"))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "manifest.jsonl"), "w", encoding="utf-8") as man:
        for did, text, published, source in docs:
            with open(os.path.join(folder, did + ".txt"), "w", encoding="utf-8", newline="") as out:
                out.write(text)
            man.write(json.dumps({"id": did, "path": did + ".txt", "format": "text",
                                  "published": published, "source": source}) + "\n")
    out = subprocess.run([binary, "ledger", os.path.join(folder, "manifest.jsonl"), "--format", "json"],
                         capture_output=True, check=True)
    return json.loads(out.stdout)


def verdicts(run, L):
    """The run's conflicts and agreements, named as a reader sees them."""
    names = {e["id"]: e["name"] for e in L["entities"]}
    for ev in L["events"]:
        agent = next((a["text"] for a in ev["arguments"] if a["role"] == "agent"), None)
        names[ev["id"]] = ev["type"] + (f" ({agent})" if agent else "")
    for c in L["comparisons"]:
        if c["verdict"] not in ("conflict", "agree"):
            continue
        yield {
            "run": run,
            "verdict": c["verdict"],
            "subject": names.get(c["subject"], c["subject"]),
            "predicate": c["predicate"],
            "readings": [{"value": r["value"], "documents": r["documents"]} for r in c["readings"]],
        }


def key(v):
    values = sorted(str(r["value"]) for r in v["readings"])
    return (v["run"], v["verdict"], v["subject"], v["predicate"], tuple(values))


def main():
    binary = sys.argv[1]
    shared = arg("--shared", "../shared")
    labels_path = arg("--labels", os.path.join(os.path.dirname(__file__), "verdict_labels.jsonl"))
    work = arg("--work", None) or tempfile.mkdtemp()
    labels = {}
    missed = []
    if os.path.exists(labels_path):
        for line in open(labels_path, encoding="utf-8"):
            if line.strip():
                label = json.loads(line)
                if label["verdict"] == "missed":
                    missed.append(label)
                else:
                    labels[key(label)] = label
    shown = []
    first, last = (int(t) for t in arg("--topics", "1-5").split("-"))
    runs = list(ecb_runs(shared, first, last))
    if "--no-fakes" not in sys.argv:
        runs += list(fakes_runs(shared))
    for run, docs in runs:
        shown.extend(verdicts(run, ledger(binary, work, run, docs)))
    unlabelled = [v for v in shown if key(v) not in labels]
    for v in unlabelled:
        print("UNLABELLED", json.dumps(v, ensure_ascii=False))
    judged = {"conflict": Counter(), "agree": Counter()}
    classes = Counter()
    for v in shown:
        label = labels.get(key(v))
        if label:
            judged[v["verdict"]][label["real"]] += 1
            if not label["real"]:
                classes[label.get("class", "?")] += 1
    conflicts = judged["conflict"]
    agreements = judged["agree"]
    shown_count = Counter(v["verdict"] for v in shown)
    print(f"runs {len(runs)}; verdicts shown: {shown_count['conflict']} conflicts, "
          f"{shown_count['agree']} agreements; unlabelled {len(unlabelled)}")
    print("errors by class:", dict(classes))
    print(f"real disagreements seen in the articles and not shown: {len(missed)}")
    print(f"summary: conflict precision {conflicts[True]}/{sum(conflicts.values())} = "
          f"{conflicts[True] / max(1, sum(conflicts.values())):.3f}; agreements right "
          f"{agreements[True]}/{sum(agreements.values())} = "
          f"{agreements[True] / max(1, sum(agreements.values())):.3f}")


if __name__ == "__main__":
    main()

"""Accuracy guard: recognition and resolution on fixed subsets of the public corpora.

The corpora are read from ../shared/eval (never copied into the repository); the
test is skipped where that folder is absent. Floors sit a little under the
figures measured when they were set (see README, "Accuracy"), so a change that
loses accuracy fails here.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geo.cli import main

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SUBSET = 60  # articles from the start of each corpus: about two seconds each

# corpus, extra options (each corpus's annotation guidelines), floors: F1 overlap, Acc@161 resolved, end to end
FLOORS = [
    ("geovirus.jsonl", [], 0.935, 0.845, 0.81),
    ("trnews.jsonl", ["--demonyms"], 0.93, 0.91, 0.88),
]


@pytest.mark.parametrize("corpus, options, f1, accuracy, end_to_end", FLOORS)
def test_accuracy_does_not_regress(gazetteer, corpus, options, f1, accuracy, end_to_end):
    path = EVAL / corpus
    if not path.exists():
        pytest.skip(f"{path} is absent: the evaluation corpora live in ../shared/eval")
    result = CliRunner().invoke(main, ["evaluate", str(path), "--no-geocoder", "--json", "--limit", str(SUBSET),
                                       *options])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[result.stdout.index("{"):])
    assert report["recognition"]["overlap"]["f1"] >= f1
    assert report["resolution"]["accuracy_161"] >= accuracy
    assert report["end_to_end"]["accuracy_161"] >= end_to_end

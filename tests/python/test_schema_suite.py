"""The JSON Schema Test Suite through generated models: every result, per
file, is what `tests/schema-suite.json` records, so a change in how
faithfully models follow JSON Schema is a reviewed change of that file.
`CHANX_BLESS=1` rewrites it."""

import json
import os
from pathlib import Path

from schema_suite import ROOT, measure, recorded, table

RECORD = ROOT / "tests" / "schema-suite.json"


def test_the_suite_gives_the_recorded_results(tmp_path: Path) -> None:
    results = measure(tmp_path)
    measured = recorded(results)
    assert sum(result["tests"] for result in measured.values()) > 1100, "the suite was not found whole"
    if os.environ.get("CHANX_BLESS"):
        RECORD.write_text(json.dumps(measured, indent=2) + "\n")
    assert measured == json.loads(RECORD.read_text()), "\n" + table(results)

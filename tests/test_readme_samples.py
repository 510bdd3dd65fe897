"""The README's sample outputs are what the commands really print."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "readme_samples.py"


def _samples():
    spec = importlib.util.spec_from_file_location("readme_samples", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_readme_sample_matches_the_real_output():
    samples = _samples()
    readme = samples.README.read_text(encoding="utf-8")
    names = [m["name"] for m in samples.BLOCK.finditer(readme)]
    assert sorted(names) == sorted(samples.SAMPLES), "each sample appears once in the README"
    assert samples.regenerate(readme) == readme, (
        "README samples are stale: run .venv/bin/python scripts/readme_samples.py --write"
    )


def test_a_stale_sample_is_caught():
    samples = _samples()
    readme = samples.README.read_text(encoding="utf-8")
    body = samples.BLOCK.search(readme)["body"]
    stale = readme.replace(body, body.replace("score ", "score 1", 1), 1)
    assert stale != readme
    assert samples.regenerate(stale) != stale


def test_the_text_sample_shows_the_exit_status_of_findings():
    body = _samples().first_finding_text()
    assert body.rstrip().endswith("$ echo $?\n1\n```")
    assert ": warning " in body or ": error " in body
    assert "evidence: " in body and "fix (" in body

"""Drafts sent from one template are grouped and carry generic-blast evidence naming each other."""

from __future__ import annotations

import json
import os
import subprocess
import sys

TEMPLATE = (
    "Hi {name},\n\nI hope you are well. I run a small studio that helps {company} teams rebuild their "
    "onboarding flows, and we cut support tickets by a third for our last two clients. Could you "
    "introduce me to the person who owns onboarding at {company}? Our case study is at studio.example/case.\n\n"
    "Thanks,\nRobin\n"
)
OTHER = ("Hi Ana,\n\nCongratulations on the Lisbon launch. Would you have 20 minutes next week to tell me how "
         "you priced the pilot? Happy to share our survey data in return.\n\nThanks,\nRobin\n")


def test_template_copies_are_grouped_and_flagged(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i, (name, company) in enumerate([("Priya", "Fjellvik"), ("Tom", "Northwind"), ("Lea", "Corvane")]):
        (drafts / f"copy{i}.txt").write_text(TEMPLATE.format(name=name, company=company))
    (drafts / "own.txt").write_text(OTHER)
    out = tmp_path / "class.json"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-m", "intro_lint", "grade", str(drafts), "--out", str(out), "--quiet"],
                         capture_output=True, env=env)
    assert run.returncode == 0, run.stderr.decode()
    doc = json.loads(out.read_text())
    assert [sorted(g["ids"]) for g in doc["duplicates"]] == [["copy0.txt", "copy1.txt", "copy2.txt"]]
    by_path = {r["path"]: r for r in doc["reports"]}
    for i in range(3):
        report = next(r for p, r in by_path.items() if p.endswith(f"copy{i}.txt"))
        blast = [f for f in report["findings"] if f["rule"] == "generic-blast"]
        assert blast and any("same template as" in e for e in blast[0]["evidence"])
    own = next(r for p, r in by_path.items() if p.endswith("own.txt"))
    assert not [f for f in own["findings"] if f["rule"] == "generic-blast"]

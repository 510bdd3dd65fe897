"""The instructor's class report: `intro-lint grade` over the workshop folder, redone on change."""

from __future__ import annotations

from threading import Lock

from intro_lint.apps.grade.run import Options, grade
from intro_lint.apps.grade.writers import render
from intro_lint.apps.web.workshop import Workshop


class ClassReports:
    """The report as HTML or CSV for the folder's current files; graded again when they change."""

    def __init__(self, workshop: Workshop, cli: dict):
        self.workshop, self.cli = workshop, cli
        self.lock = Lock()
        self.key: tuple = ()
        self.built: tuple = ()

    def _listing(self) -> tuple:
        return tuple((p.name, p.stat().st_size) for p in self.workshop.submissions())

    def get(self, fmt: str) -> tuple[int, str]:
        """(number of submissions, the report in `fmt`: "html" or "csv")."""
        with self.lock:  # one grading at a time; a second caller waits and gets the fresh report
            key = self._listing()
            if key != self.key:
                self.built = self._grade(key) if key else ()
                self.key = key
            if not self.built:
                return 0, ""
            report, texts, rules = self.built
            return len(key), render(fmt, report, texts, rules)

    def _grade(self, key: tuple) -> tuple:
        opts = Options(quiet=True)
        report, collected, _, rules = grade([str(self.workshop.folder)], self.cli, opts)
        return report, collected.texts, rules

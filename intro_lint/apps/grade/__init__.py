"""Workshop grading: many drafts in, one class report out, with the same Linter as `check`."""

"""Workshop grading: many drafts in, one class report out, on the same engine as `check`."""

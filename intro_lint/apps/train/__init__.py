"""`intro-lint train`: learn the judging heads from labelled corpora, reproducibly."""

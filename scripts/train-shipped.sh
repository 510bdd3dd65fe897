#!/usr/bin/env bash
# Rebuild the shipped model from the corpora in the repository, and print its grouped CV table.
# Run from the repository root after changing a corpus, the features or the training config;
# tests/analyse/judge/test_shipped.py fails until you do.
set -euo pipefail
corpora=(corpus/train.jsonl corpus/dev.jsonl tests/corpus/heldout.jsonl tests/corpus/heldout2.jsonl)
intro-lint train "${corpora[@]}" --out intro_lint/analyse/judge/shipped --cv 5 --cv-out docs/cv.json

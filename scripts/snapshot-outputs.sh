#!/usr/bin/env bash
# Write every user-visible output of intro-lint over all corpora and examples into OUT, so that two
# versions of the code can be compared byte for byte (`diff -r before/ after/`).
# Usage: scripts/snapshot-outputs.sh OUT [INTRO_LINT_BIN]
set -uo pipefail
out=$(realpath -m "$1"); bin=${2:-.venv/bin/intro-lint}; bin=$(realpath "$bin")
root=$(cd "$(dirname "$0")/.." && pwd); shared="$root/../shared"
mkdir -p "$out"; cd "$root"
export XDG_CACHE_HOME="$out/.cache" NO_COLOR=1
corpora=("$shared/corpus/train.jsonl" "$shared/corpus/dev.jsonl" "$root/tests/corpus/heldout.jsonl" "$root/tests/corpus/heldout2.jsonl")
emls="$out/.emls"
python3 - "$emls" "${corpora[@]}" <<'PY'
import json, sys
from pathlib import Path
sys.path.insert(0, str(Path(sys.argv[2]).parents[1] / "tools"))
from corpus_eval import to_eml
root = Path(sys.argv[1])
for corpus in sys.argv[2:]:
    folder = root / Path(corpus).stem
    folder.mkdir(parents=True, exist_ok=True)
    for line in open(corpus, encoding="utf-8"):
        if line.strip():
            rec = json.loads(line)
            to_eml(rec, folder / f"{rec['id']}.eml")
PY
run() { local name=$1; shift; (cd "$emls/.." && "$@") > "$out/$name.out" 2> "$out/$name.err"; echo "exit $?" >> "$out/$name.out"; }
for corpus in "${corpora[@]}"; do
  stem=$(basename "$corpus" .jsonl)
  run "check-$stem" bash -c "cd .emls/$stem && '$bin' check --format json *.eml"
  run "grade-$stem" "$bin" grade "$corpus" --no-cache -q --out "$out/grade-$stem.json"
done
files=("$root"/examples/*.txt "$root"/examples/*.md "$root"/examples/*.eml "$root"/tests/data/* "$root"/tests/guard/*.eml "$root"/tests/guard/*.txt)
for fmt in json text sarif github; do run "examples-$fmt" "$bin" check --format "$fmt" "${files[@]}"; done
run examples-diff "$bin" check --diff --unsafe-fixes --format json "${files[@]}"
copies="$emls/copies"; mkdir -p "$copies"/{ana,ben,cy}
for who in "ana Priya Acme" "ben Tomasz Lumen" "cy Greta Fjellvik"; do set -- $who
  printf 'Hi %s,\n\nI hope you are well. I am exploring new roles in product design and would love to hear about openings at %s. Could you introduce me to someone on the design team there? My portfolio is at https://example.org/p\n\nThanks,\nLee\n' "$2" "$3" > "$copies/$1/draft.txt"
  printf 'Hi %s,\n\nI hope you are well. I am exploring new roles in product design and would love to hear about openings at %s. Could you introduce me to someone on the design team there?\n\n<!-- intro-lint: ignore[generic-blast] -->\nThanks,\nLee\n' "$2" "$3" > "$copies/$1/second.txt"
done
run copies-grade "$bin" grade "$copies" --no-cache -q --out "$out/copies.json"
run examples-grade-html "$bin" grade "$root/examples" --no-cache -q --out "$out/examples.html"
run examples-grade-csv "$bin" grade "$root/examples" "$emls/dev" --no-cache -q --out "$out/examples.csv"
for f in "$root"/examples/*.txt "$root"/examples/*.eml; do run "parse-$(basename "$f")" "$bin" parse "$f"; done
run rules "$bin" rules
for r in long-silence vague-ask no-attachment not-forwardable asks-without-giving generic-blast research-burden self-centered; do run "explain-$r" "$bin" explain "$r"; done
run schema "$bin" schema
run rules-test "$bin" rules test "$root/rules"
rm -rf "$out/.cache"
# paths of the output folder itself are not part of the comparison
sed -i "s#$out#OUT#g" "$out"/*.out "$out"/*.err 2>/dev/null
echo "snapshot in $out"

#!/usr/bin/env bash
# Write every user-visible output of intro-lint over all corpora and examples into OUT, so that two
# versions of the code can be compared byte for byte (`diff -r before/ after/`).
# Usage: scripts/snapshot-outputs.sh OUT [COMMAND...]   (default command: .venv/bin/intro-lint)
# e.g. an older checkout: scripts/snapshot-outputs.sh /tmp/old env PYTHONPATH=/tmp/old-checkout .venv/bin/python -m intro_lint
# Inputs are copied under OUT first, so the paths in the outputs do not depend on the repository's layout.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd); shared="$root/../shared"
out=$(realpath -m "$1"); shift
if [ $# -eq 0 ]; then set -- "$root/.venv/bin/intro-lint"; fi
bin=("$@")
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
run() { local name=$1; shift; (cd "$emls" && "$@") > "$out/$name.out" 2> "$out/$name.err"; echo "exit $?" >> "$out/$name.out"; }
for corpus in "${corpora[@]}"; do
  stem=$(basename "$corpus" .jsonl)
  run "check-$stem" bash -c 'cd ".emls/$0" && "${@:1}" check --format json *.eml' "$stem" "${bin[@]}"
  run "grade-$stem" "${bin[@]}" grade "$corpus" --no-cache -q --out "$out/grade-$stem.json"
done
inputs="$emls/inputs"; mkdir -p "$inputs"/{examples,data,guard}
cp "$root"/examples/*.txt "$root"/examples/*.md "$root"/examples/*.eml "$inputs/examples/"
cp "$root"/tests/data/* "$inputs/data/"
guard=$( [ -d "$root/tests/apps/guard/data" ] && echo "$root/tests/apps/guard/data" || echo "$root/tests/guard" )
cp "$guard"/*.eml "$guard"/*.txt "$inputs/guard/"
cd "$emls"
files=(inputs/examples/* inputs/data/* inputs/guard/*)
for fmt in json text sarif github; do run "examples-$fmt" "${bin[@]}" check --format "$fmt" "${files[@]}"; done
run examples-diff "${bin[@]}" check --diff --unsafe-fixes --format json "${files[@]}"
copies="$emls/copies"; mkdir -p "$copies"/{ana,ben,cy}
for who in "ana Priya Acme" "ben Tomasz Lumen" "cy Greta Fjellvik"; do set -- $who
  printf 'Hi %s,\n\nI hope you are well. I am exploring new roles in product design and would love to hear about openings at %s. Could you introduce me to someone on the design team there? My portfolio is at https://example.org/p\n\nThanks,\nLee\n' "$2" "$3" > "$copies/$1/draft.txt"
  printf 'Hi %s,\n\nI hope you are well. I am exploring new roles in product design and would love to hear about openings at %s. Could you introduce me to someone on the design team there?\n\n<!-- intro-lint: ignore[generic-blast] -->\nThanks,\nLee\n' "$2" "$3" > "$copies/$1/second.txt"
done
run copies-grade "${bin[@]}" grade copies --no-cache -q --out "$out/copies.json"
run examples-grade-html "${bin[@]}" grade inputs/examples --no-cache -q --out "$out/examples.html"
run examples-grade-csv "${bin[@]}" grade inputs/examples dev --no-cache -q --out "$out/examples.csv"
for f in inputs/examples/*.txt inputs/examples/*.eml; do run "parse-$(basename "$f")" "${bin[@]}" parse "$f"; done
run rules "${bin[@]}" rules
for r in long-silence vague-ask no-attachment not-forwardable asks-without-giving generic-blast research-burden self-centered; do run "explain-$r" "${bin[@]}" explain "$r"; done
run schema "${bin[@]}" schema
run rules-test "${bin[@]}" rules test "$root/rules"
rm -rf "$out/.cache"
# paths of the output folder itself are not part of the comparison
sed -i "s#$out#OUT#g" "$out"/*.out "$out"/*.err 2>/dev/null
echo "snapshot in $out"

#!/usr/bin/env bash
# Single-task learnability of the six MT10 tasks the environment review found stuck (issue #12):
# multi-head SAC on one task (Configs/mt1-single-task.yaml: 2x256, 128 transitions per update, initial
# temperature 1, 10 evaluation episodes every 5,000 steps), seed 1, at the budgets the issue sets.
# Restartable: a finished run (summary.json present) is skipped, a stopped one resumed. Two at a time.
# Usage: bash docs/single-task-learnability.sh [OUT_DIR]   (default runs/single-task)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-runs/single-task}"
mkdir -p "$out"
swift build -c release --product mtrl >/dev/null
mtrl=.build/release/mtrl

run() {
    local task=$1 steps=$2 dir="$out/$1-s1"
    if [ -f "$dir/summary.json" ]; then echo "done: $dir"; return; fi
    if [ -f "$dir/config.yaml" ]; then
        "$mtrl" train --resume "$dir" > "$dir.log" 2>&1
    else
        "$mtrl" train --config Configs/mt1-single-task.yaml --suite "mt1:$task" --steps "$steps" --run-dir "$dir" > "$dir.log" 2>&1
    fi
    echo "finished: $dir"
}

(run drawer-open 30000; run push 60000; run pick-place 100000) &
(run button-press-topdown 30000; run door-open 60000; run peg-insert-side 100000) &
wait
for dir in "$out"/*-s1/; do
    name=$(basename "$dir")
    "$mtrl" plot "$dir" --out "$out/$name.svg" --table "$out/$name.md" >/dev/null
done

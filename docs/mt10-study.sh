#!/usr/bin/env bash
# Regenerates the MT10 comparison in docs/RESULTS.md: multi-head SAC (mean), PCGrad and CAGrad, seeds
# 1-3, the default config at 30,000 steps per task, two runs at a time with one OpenBLAS thread each.
# Restartable: finished runs are skipped and interrupted ones resumed. Usage: bash docs/mt10-study.sh [OUT]
set -euo pipefail
out="${1:-runs/mt10-study}"
swift build -c release --product mtrl
mtrl=".build/release/mtrl"
"$mtrl" sweep --suite mt10 --combiners mean,pcgrad,cagrad --seeds 1-3 --steps 30000 \
    --set blas_threads=1 --jobs 2 --out "$out"
"$mtrl" plot "$out"/mt10-*/ --out "$out/success.svg" --table "$out/success.md" \
    --title "MT10 stand-in: multi-head SAC vs PCGrad vs CAGrad (3 seeds, 30k steps per task)"
"$mtrl" plot "$out"/mt10-*/ --metric actor_conflict_fraction --out "$out/actor-conflicts.svg"
"$mtrl" plot "$out"/mt10-*/ --metric critic_mean_cosine --out "$out/critic-cosine.svg"

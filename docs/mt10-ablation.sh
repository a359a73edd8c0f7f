#!/usr/bin/env bash
# The MT10 ablation behind the default recipe (docs/RESULTS.md, "Agent recipe ablation"): PCGrad on MT10,
# seeds 1-2, the same budget for every variant, two runs at a time with one thread each. Each variant
# starts from the old default (Configs/ablation-base.yaml) and changes one thing; "combined" changes all
# that helped. Restartable: finished runs are skipped and stopped ones resumed.
# Usage: bash docs/mt10-ablation.sh [VARIANT...]   (no argument: every variant, in order)
set -euo pipefail
out="docs/runs/ablation"
steps="${ABLATION_STEPS:-20000}"
swift build -c release --product mtrl
mtrl=".build/release/mtrl"
declare -A changes=(
    [base]=""
    [log-std-5]="--set log_std_min=-5"
    [critic-layer-norm]="--set critic_layer_norm=true"
    [return-normalization]="--set return_normalization=running"
    [gradient-clip]="--set gradient_clip_norm=1"
    [n-step-3]="--set n_step=3"
    [combined]="--set log_std_min=-5 --set critic_layer_norm=true --set return_normalization=running --set gradient_clip_norm=1 --set n_step=3"
)
order=(base combined critic-layer-norm return-normalization log-std-5 n-step-3 gradient-clip)
seeds="${ABLATION_SEEDS:-1-2}"
selected=("$@")
[ ${#selected[@]} -eq 0 ] && selected=("${order[@]}")
for variant in "${selected[@]}"; do
    [ -n "${changes[$variant]+set}" ] || { echo "unknown variant '$variant'; choose from: ${order[*]}" >&2; exit 2; }
    # shellcheck disable=SC2086
    "$mtrl" sweep --config Configs/ablation-base.yaml --suite mt10 --combiners pcgrad --seeds "$seeds" --steps "$steps" \
        ${changes[$variant]} --set threads=1 --jobs 2 --out "$out/$variant"
done
# One line per variant (grouped by the keys the variants change), mean +/- s.e. over the seeds.
"$mtrl" plot "$out"/*/mt10-*/ --label log_std_min,critic_layer_norm,return_normalization,gradient_clip_norm,n_step \
    --task mean --out docs/figures/mt10-ablation.svg --table "$out/ablation.md" \
    --title "MT10 ablation of the agent recipe (PCGrad, ${steps} steps per task, 50 evaluation episodes per task)"

#!/usr/bin/env bash
# Regenerates the study in docs/RESULTS.md: multi-head SAC (mean) vs PCGrad vs CAGrad on the default
# recipe, every run's config in its folder. Parts:
#   mt10-resampled  MT10, a new layout each reset (today's standard), seeds 1-3, 100,000 steps per task
#   mt10-fixed      MT10, one layout per task for the whole run (the papers' protocol), the same
#   mt10-resampled-200k  the resampled cell again at 200,000 steps per task (its curves still rise at
#                   100,000); built up over several sessions, a run's first 100,000 steps repeat the
#                   100,000-step run of its seed bit for bit
#   mt10-fixed-200k the fixed-layout cell again at 200,000 steps per task, the same budget as
#                   mt10-resampled-200k; built up over several sessions like it
#   mt50            MT50 (cagrad_c 0.5), seed 1, 10,000 steps per task (what fits beside MT10 in one session)
#   figures         figures, tables and paired comparisons from the runs that exist
#   slurm           instead of running: Slurm job arrays for the full study (SLURM_SEEDS, default 1-5;
#                   MT50 at 100,000 steps too) in OUT/slurm/, each skipping the runs already finished
# Usage: bash docs/study.sh [PART...]   (no part: all but slurm, in that order)
# Two runs at a time, one thread each. Restartable: finished runs are skipped, interrupted ones resumed,
# so the parts can be run over several sessions. Environment: OUT (docs/runs/study), FIGURES
# (docs/figures), SEEDS (1-3), MTRL (the binary; default: build .build/release/mtrl).
set -euo pipefail
out="${OUT:-docs/runs/study}"
figures="${FIGURES:-docs/figures}"
seeds="${SEEDS:-1-3}"
if [ -z "${MTRL:-}" ]; then
    swift build -c release --product mtrl
    MTRL=".build/release/mtrl"
fi
combiners="mean,pcgrad,cagrad"
mt10_steps=100000   # per task, the two 100,000-step MT10 cells
mt10_long_steps=200000   # per task, the two 200,000-step MT10 cells
mt50_steps=10000    # per task, the local MT50 cell (the slurm part runs MT50 at 100,000)
mt10_cells=(mt10-resampled mt10-fixed mt10-resampled-200k mt10-fixed-200k)

# The one definition of each MT10 cell: sets cell_steps and cell_settings (extra sweep arguments).
mt10_cell() {
    case "$1" in
        mt10-resampled) cell_steps=$mt10_steps; cell_settings=() ;;
        mt10-fixed) cell_steps=$mt10_steps; cell_settings=(--set layouts=fixed) ;;
        mt10-resampled-200k) cell_steps=$mt10_long_steps; cell_settings=() ;;
        mt10-fixed-200k) cell_steps=$mt10_long_steps; cell_settings=(--set layouts=fixed) ;;
        *) return 1 ;;
    esac
}

run_part() {
    if mt10_cell "$1"; then
        "$MTRL" sweep --suite mt10 --combiners "$combiners" --seeds "$seeds" --steps "$cell_steps" ${cell_settings[@]+"${cell_settings[@]}"} \
            --jobs 2 --out "$out/$1"
        return
    fi
    case "$1" in
        mt50)
            "$MTRL" sweep --suite mt50 --combiners "$combiners" --seeds 1 --steps "$mt50_steps" --set cagrad_c=0.5 --set eval_every=1000 --set log_every=500 --jobs 2 --out "$out/mt50" ;;
        figures)
            mkdir -p "$figures"
            for cell in "${mt10_cells[@]}" mt50; do
                # Only finished runs: summary.json at the cell's budget (runs still going are left out).
                if mt10_cell "$cell"; then steps=$cell_steps; else steps=$mt50_steps; fi
                runs=()
                for run in "$out/$cell"/mt*-s*/; do
                    grep -q "\"steps\" : $steps\b" "$run/summary.json" 2>/dev/null && runs+=("$run")
                done
                [ ${#runs[@]} -gt 0 ] || continue
                "$MTRL" plot "${runs[@]}" --out "$figures/study-$cell.svg" --table "$out/$cell/success.md" \
                    --title "$cell: multi-head SAC vs PCGrad vs CAGrad (default recipe)"
                "$MTRL" compare "${runs[@]}" --table "$out/$cell/compare.md" > /dev/null
                for metric in actor_conflict_fraction critic_conflict_fraction; do
                    "$MTRL" plot "${runs[@]}" --metric "$metric" --out "$figures/study-$cell-${metric%_conflict_fraction}-conflicts.svg" > /dev/null
                done
            done ;;
        slurm)
            mkdir -p "$out/slurm"
            cluster_seeds="${SLURM_SEEDS:-1-5}"
            for cell in "${mt10_cells[@]}"; do
                mt10_cell "$cell"
                "$MTRL" sweep --suite mt10 --combiners "$combiners" --seeds "$cluster_seeds" --steps "$cell_steps" \
                    ${cell_settings[@]+"${cell_settings[@]}"} --out "$out/$cell" --slurm "$out/slurm/$cell.sbatch"
            done
            "$MTRL" sweep --suite mt50 --combiners "$combiners" --seeds "$cluster_seeds" --steps 100000 --set cagrad_c=0.5 \
                --out "$out/mt50-100k" --slurm "$out/slurm/mt50.sbatch" ;;
        *)
            echo "unknown part '$1'; valid: $(printf '%s, ' "${mt10_cells[@]}")mt50, figures, slurm" >&2
            exit 2 ;;
    esac
}

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=("${mt10_cells[@]}" mt50 figures)
for part in "${parts[@]}"; do run_part "$part"; done

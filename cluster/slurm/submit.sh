#!/bin/bash
# Runs a sweep on a Slurm cluster: a job array with one shard per task
# (sweep.sbatch), then a merge job (merge.sbatch) that starts only when every
# task has succeeded (--dependency=afterok). See docs/cluster.md.
#
# usage: cluster/slurm/submit.sh <sweep.json> <OUT> <SHARDS> [sbatch options…]
#   e.g. cluster/slurm/submit.sh sweeps/classroom-grid.json results/classroom-grid 9 --partition=short --time=2:00:00
#
# The sbatch options go to both jobs (partition, account, time, --cpus-per-task
# — a task then runs that many worker processes). Logs go to OUT/logs/. Prints the
# two job ids; the result is OUT/merged/{runs,summary}.csv.
set -euo pipefail

if [[ $# -lt 3 || ! "$3" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 <sweep.json> <OUT> <SHARDS> [sbatch options…]" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sweep="$(realpath "$1")"
out="$(realpath -m "$2")"
shards="$3"
shift 3
[[ -f "$sweep" ]] || { echo "$0: no sweep file $sweep" >&2; exit 2; }
mkdir -p "$out/logs"

# The command the jobs run: this checkout's own, unless EQUIPOTENT says otherwise.
: "${EQUIPOTENT:=node $(cd "$here/../.." && pwd)/bin/equipotent.mjs}"
export SWEEP="$sweep" OUT="$out" SHARDS="$shards" EQUIPOTENT

array="$(sbatch --parsable --array="0-$((shards - 1))" --export=ALL --output="$out/logs/shard-%a.out" "$@" "$here/sweep.sbatch")"
array="${array%%;*}" # --parsable prints "id" or "id;cluster"
merge="$(sbatch --parsable --dependency="afterok:${array}" --kill-on-invalid-dep=yes --export=ALL --output="$out/logs/merge.out" "$@" "$here/merge.sbatch")"
merge="${merge%%;*}"
echo "array job ${array} (shards 0-$((shards - 1))), merge job ${merge}; result: ${out}/merged"

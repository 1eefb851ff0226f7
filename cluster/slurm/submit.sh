#!/bin/bash
# Runs a sweep on a Slurm cluster: a job array with one shard per task
# (sweep.sbatch), then a merge job (merge.sbatch) that starts only when every
# task has succeeded (--dependency=afterok). See docs/cluster.md.
#
# usage: cluster/slurm/submit.sh [--module F]… [--allow-modules] <sweep.json> <OUT> <SHARDS> [sbatch options…]
#   e.g. cluster/slurm/submit.sh sweeps/classroom-grid.json results/classroom-grid 9 --partition=short --time=2:00:00
#
# --module F (repeatable) gives every shard the same module file of the user's
# own (`sweep --module F`); --allow-modules lets the shards load the module files
# the sweep's scenario names. Each shard records the files' sha256 in its
# manifest, and the merge refuses shards that ran with different files.
# The sbatch options go to both jobs (partition, account, time, --cpus-per-task
# — a task then runs that many worker processes). Logs go to OUT/logs/. Prints the
# two job ids; the result is OUT/merged/{runs,summary}.csv.
set -euo pipefail

usage="usage: $0 [--module F]… [--allow-modules] <sweep.json> <OUT> <SHARDS> [sbatch options…]"
modules=()
allow=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --module) [[ $# -ge 2 ]] || { echo "$0: --module needs a file; $usage" >&2; exit 2; }; modules+=("$2"); shift 2 ;;
    --module=*) modules+=("${1#--module=}"); shift ;;
    --allow-modules) allow=1; shift ;;
    *) break ;;
  esac
done
if [[ $# -lt 3 || ! "$3" =~ ^[1-9][0-9]*$ ]]; then
  echo "$usage" >&2
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sweep="$(realpath "$1")"
out="$(realpath -m "$2")"
shards="$3"
shift 3
[[ -f "$sweep" ]] || { echo "$0: no sweep file $sweep" >&2; exit 2; }
# The module files as absolute paths (the tasks may start elsewhere), joined with ':' like PATH.
MODULES=""
for m in ${modules[@]+"${modules[@]}"}; do
  [[ -f "$m" ]] || { echo "$0: --module $m: no such file" >&2; exit 2; }
  abs="$(realpath "$m")"
  [[ "$abs" != *:* ]] || { echo "$0: --module $m: its path $abs has a ':', which separates the files given to the tasks; move or link it to a path without one" >&2; exit 2; }
  MODULES="${MODULES:+$MODULES:}$abs"
done
ALLOW_MODULES="$allow"
mkdir -p "$out/logs"

# The command the jobs run: this checkout's own, unless EQUIPOTENT says otherwise.
: "${EQUIPOTENT:=node $(cd "$here/../.." && pwd)/bin/equipotent.mjs}"
export SWEEP="$sweep" OUT="$out" SHARDS="$shards" EQUIPOTENT MODULES ALLOW_MODULES

array="$(sbatch --parsable --array="0-$((shards - 1))" --export=ALL --output="$out/logs/shard-%a.out" "$@" "$here/sweep.sbatch")"
array="${array%%;*}" # --parsable prints "id" or "id;cluster"
merge="$(sbatch --parsable --dependency="afterok:${array}" --kill-on-invalid-dep=yes --export=ALL --output="$out/logs/merge.out" "$@" "$here/merge.sbatch")"
merge="${merge%%;*}"
echo "array job ${array} (shards 0-$((shards - 1))), merge job ${merge}; result: ${out}/merged"

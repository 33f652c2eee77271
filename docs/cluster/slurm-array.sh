#!/bin/bash
# Hotline Lab: one experiment as a Slurm job array. Each array task runs one shard
# (--shard i/n: the runs whose index % n == i) on the cores Slurm gives it, into its own folder;
# a second job merges the shards into the files one machine would have written.
#
#   jid=$(sbatch --parsable docs/cluster/slurm-array.sh)
#   sbatch --dependency=afterok:$jid --wrap \
#     "npx hotline-lab merge out/cadence-handdown/shard-* --out out/cadence-handdown/all"
#
# Requeued or failed tasks can simply be submitted again: --resume runs only the runs missing
# from that shard's folder, and a finished shard is left as it is. Results do not depend on
# the number of shards, tasks or cores.
#
# Before the first submission, on a login node: git clone ...; cd hotline-lab; npm ci
#SBATCH --job-name=hotline-lab-exp
#SBATCH --array=0-9
#SBATCH --cpus-per-task=8
#SBATCH --mem=8G
#SBATCH --time=02:00:00
#SBATCH --output=logs/%x-%A_%a.out
set -euo pipefail

EXPERIMENT=${EXPERIMENT:-experiments/examples/cadence-handdown.json}
OUT=${OUT:-out/cadence-handdown}
# The number of shards is the size of the array (0-9 above: 10 shards).
N=${SLURM_ARRAY_TASK_COUNT}

cd "${SLURM_SUBMIT_DIR}"
mkdir -p logs "${OUT}"
# Not a terminal, so progress comes as plain lines in the log.
npx hotline-lab experiment "${EXPERIMENT}" \
  --out "${OUT}/shard-${SLURM_ARRAY_TASK_ID}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${N}" \
  --workers "${SLURM_CPUS_PER_TASK}" \
  --resume

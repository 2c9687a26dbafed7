#!/usr/bin/env bash
# Prints the benchmark figures recorded in docs/benchmarks.md. `scripts/bench.sh full` runs the
# BenchmarkDotNet suites instead of the quick one-run comparison (much slower).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-quick}" = "full" ]; then
  dotnet run -c Release --project bench/Abm.Benchmarks -- --filter '*'
else
  dotnet run -c Release --project bench/Abm.Benchmarks -- quick
fi

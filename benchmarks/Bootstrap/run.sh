#!/usr/bin/env bash
# Warm start of `./build.sh --help`, side by side in one run with
#   (a) the NUKE-style bootstrap on the same build project: dotnet build, then dotnet run --no-build;
#   (b) the floor: the compiled build started directly with dotnet.
# Runs are interleaved; medians are compared. Usage: benchmarks/Bootstrap/run.sh [iterations]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
N=${1:-15}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

./build.sh --help >/dev/null                                   # compile once, so every run below is warm
dotnet build build/_build.csproj -nologo -v q >/dev/null        # warm the NUKE-style output too

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
nuke_style() { dotnet build build/_build.csproj -nologo -v q && dotnet run --project build/_build.csproj --no-build -- --help; }
floor() { dotnet .nuke/temp/build/_build.dll --help; }

declare -a ours nuke base
for ((i = 0; i < N; i++)); do
  ours+=("$(ms ./build.sh --help)")
  nuke+=("$(ms nuke_style)")
  base+=("$(ms floor)")
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
m_ours=$(median "${ours[@]}"); m_nuke=$(median "${nuke[@]}"); m_base=$(median "${base[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

printf '%-44s %10s %12s\n' "warm start, --help ($N runs, median)" "ms" "ours / this"
printf '%-44s %10s %12s\n' "./build.sh --help" "$m_ours" "1.00"
printf '%-44s %10s %12s\n' "NUKE-style: dotnet build + dotnet run" "$m_nuke" "$(ratio "$m_ours" "$m_nuke")"
printf '%-44s %10s %12s\n' "floor: dotnet _build.dll --help" "$m_base" "$(ratio "$m_ours" "$m_base")"
echo "ratio vs floor: $(ratio "$m_ours" "$m_base") (aim <= 1.30); ratio vs NUKE-style: $(ratio "$m_ours" "$m_nuke") (aim <= 0.20)"

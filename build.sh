#!/usr/bin/env bash
# Bootstrap: compile the build project only when its inputs changed, then run it.
#   ./build.sh [targets] [--parameter value ...]      (./build.sh --help lists both)
set -eo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$ROOT/build/_build.csproj"
OUT="$ROOT/.nuke/temp/build"
DLL="$OUT/_build.dll"
STAMP="$OUT/inputs.sha1"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=0

fail() { echo "build.sh: $*" >&2; exit 1; }

# Fingerprint of everything the compiled build depends on: the build project, the projects it references,
# and the shared props. Paths, sizes and modification times: a changed, added or removed file changes it.
# (find's order is stable while nothing changes; after a change a different order only costs a rebuild.)
fingerprint() {
  (cd "$ROOT" && find $(< "$DIRS") Directory.Build.props Directory.Packages.props global.json \
    -path '*/bin' -prune -o -path '*/obj' -prune -o -type f -printf '%p %s %T@\n') | sha1sum | cut -d' ' -f1
}

# The build project's directory and those of the projects it references, transitively, relative to the root.
project_dirs() {
  local queue=("$PROJECT") seen=() project dir reference
  while [ ${#queue[@]} -gt 0 ]; do
    project=$(realpath "${queue[0]}"); queue=("${queue[@]:1}")
    dir=$(dirname "$project")
    case " ${seen[*]} " in *" $dir "*) continue ;; esac
    seen+=("$dir")
    for reference in $(grep -o '<ProjectReference Include="[^"]*"' "$project" | sed 's/.*Include="\([^"]*\)"/\1/' | tr '\\' '/'); do
      queue+=("$dir/$reference")
    done
  done
  for dir in "${seen[@]}"; do realpath --relative-to="$ROOT" "$dir"; done
}

read_global_json() {
  sdk_version=$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n 1)
  roll_forward=$(sed -n 's/.*"rollForward"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -n 1)
  roll_forward=${roll_forward:-latestPatch}
}

no_sdk() {
  [ -n "${sdk_version:-}" ] || read_global_json
  fail "this build needs the .NET SDK ${sdk_version} (global.json, rollForward ${roll_forward})$1.
  Install it from https://dotnet.microsoft.com/download/dotnet/${sdk_version%.*}
  (Linux packages: https://learn.microsoft.com/dotnet/core/install/linux), make sure 'dotnet' is on PATH, and run ./build.sh again."
}

# Is an installed SDK acceptable for global.json? Same rules as the dotnet host, by prefix and version order.
sdk_matches() {
  local have=$1 want=$sdk_version prefix
  case "$roll_forward" in
    disable) [ "$have" = "$want" ]; return ;;
    patch|latestPatch) prefix=$(echo "$want" | sed 's/^\([0-9]*\.[0-9]*\.[0-9]\).*/\1/') ;;
    feature|latestFeature) prefix=$(echo "$want" | cut -d. -f1-2). ;;
    minor|latestMinor) prefix=$(echo "$want" | cut -d. -f1). ;;
    *) prefix="" ;;
  esac
  case "$have" in "$prefix"*) ;; *) return 1 ;; esac
  [ "$(printf '%s\n%s\n' "$want" "$have" | sort -V | head -n 1)" = "$want" ]
}

compile() {
  read_global_json
  command -v dotnet >/dev/null 2>&1 || no_sdk ", but 'dotnet' is not on PATH"
  local installed found="" log
  installed=$(dotnet --list-sdks 2>/dev/null | cut -d' ' -f1)
  for v in $installed; do sdk_matches "$v" && found=$v; done
  [ -n "$found" ] || no_sdk "; installed: ${installed:-none}"
  mkdir -p "$OUT"
  # Builds started at the same time in one checkout compile one after the other; a build that waited finds the
  # project compiled by the one before it and compiles nothing.
  exec 9>"$OUT/compile.lock"
  if command -v flock >/dev/null 2>&1; then flock 9; fi
  if stale; then
    project_dirs > "$DIRS"
    inputs=$(fingerprint)
    echo "Compiling the build project (its inputs changed)..." >&2
    if ! compile_with_progress; then
      cat "$OUT/compile.log" >&2
      fail "the build project did not compile (errors above)."
    fi
    echo "$inputs" > "$STAMP"
  fi
  exec 9>&-
}

# dotnet build, saying what it does: on a terminal one line redrawn every second (projects built, seconds), elsewhere
# a line per project built and, in between, one every 10 seconds; never a silence of more than 10 seconds.
compile_with_progress() {
  local log="$OUT/compile.log" pid start=$SECONDS total done=0 said=0 last_line=$SECONDS now line
  total=$(wc -l < "$DIRS")
  dotnet build "$PROJECT" -o "$OUT" -nologo -v m -clp:NoSummary >"$log" 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null' INT TERM
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    now=$((SECONDS - start))
    done=$(grep -c -- ' -> ' "$log" 2>/dev/null || true)
    if [ -t 2 ]; then
      printf '\r\033[2K  %s of %s projects built, %s s' "$done" "$total" "$now" >&2
    else
      while [ "$said" -lt "$done" ]; do
        said=$((said + 1))
        line=$(grep -- ' -> ' "$log" | sed -n "${said}p" | sed 's/^ *\([^ ]*\) -> .*/\1/')
        echo "  built $line ($said of $total, ${now} s)" >&2
        last_line=$SECONDS
      done
      if [ $((SECONDS - last_line)) -ge 10 ]; then
        echo "  still compiling ($done of $total projects built, ${now} s)" >&2
        last_line=$SECONDS
      fi
    fi
  done
  trap - INT TERM
  [ -t 2 ] && printf '\r\033[2K' >&2
  wait "$pid"
}

DIRS="$OUT/inputs.dirs"
stale() { [ ! -f "$DLL" ] || [ ! -f "$STAMP" ] || [ ! -f "$DIRS" ] || [ "$(< "$STAMP")" != "$(fingerprint)" ]; }
if stale; then
  compile
fi

command -v dotnet >/dev/null 2>&1 || no_sdk ", but 'dotnet' is not on PATH"
exec dotnet "$DLL" "$@"

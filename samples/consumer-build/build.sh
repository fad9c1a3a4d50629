#!/usr/bin/env bash
# The consumer's bootstrap: compile build/_build.csproj against the Pipeline packages when it, its settings or the
# packages changed; then run it from this folder (its root: .nuke/ is here).
#   ./build.sh [targets] [--parameter value ...]        (./build.sh --help lists both)
#   PIPELINE_VERSION=1.2.3 ./build.sh ...               (default: the version most recently packed into the feed)
set -eo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FEED="$HERE/../../artifacts/packages"           # the local feed NuGet.config names
PACKAGES="$HERE/.nuke/temp/nuget-packages"      # the globalPackagesFolder NuGet.config names
OUT="$HERE/.nuke/temp/build"
STAMP="$OUT/inputs.sha1"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=0

fail() { echo "build.sh: $*" >&2; exit 1; }
command -v dotnet >/dev/null 2>&1 || fail "this build needs the .NET SDK that global.json names, and 'dotnet' on PATH."

version=${PIPELINE_VERSION:-$(ls -t "$FEED"/Pipeline.Components.*.nupkg 2>/dev/null | head -n 1 | sed 's|.*/Pipeline\.Components\.\(.*\)\.nupkg$|\1|')}
[ -n "$version" ] || fail "no Pipeline packages in $FEED: run './build.sh Pack' in the repository root first (or set PIPELINE_VERSION)."

# Everything the compiled build depends on: its project, its settings, and the Pipeline packages of that version
# (a package packed again under the same version has a new size or time, so it is picked up).
fingerprint() {
  (cd "$HERE" && find build global.json NuGet.config Directory.Build.props Directory.Packages.props \
      -path build/bin -prune -o -path build/obj -prune -o -type f -printf '%p %s %T@\n'
   find "$FEED" -maxdepth 1 -name "Pipeline.*.$version.nupkg" -printf '%f %s %T@\n' 2>/dev/null | sort
   echo "$version") | sha1sum | cut -d' ' -f1
}

inputs=$(fingerprint)
if [ ! -f "$OUT/_build.dll" ] || [ ! -f "$STAMP" ] || [ "$(< "$STAMP")" != "$inputs" ]; then
  echo "Compiling the build against Pipeline $version from $(realpath --relative-to="$HERE" "$FEED")..." >&2
  rm -rf "$PACKAGES"/pipeline.*              # re-extract the Pipeline packages; others stay cached
  if ! log=$(cd "$HERE" && dotnet build build/_build.csproj -o "$OUT" -p:PipelineVersion="$version" -nologo -v q -clp:NoSummary 2>&1); then
    echo "$log" >&2
    fail "the build project did not compile against Pipeline $version (errors above)."
  fi
  echo "$inputs" > "$STAMP"
fi

cd "$HERE"
exec dotnet "$OUT/_build.dll" "$@"

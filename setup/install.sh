#!/usr/bin/env bash
# Installs the pipeline command for the other actions of this repository: the single-file binary of a release
# (default), or the .NET tool from a NuGet feed. Inputs come as PIPELINE_* variables, never inside the script.
set -euo pipefail
version="${PIPELINE_VERSION#v}"
if [ -z "$version" ] && [[ "${PIPELINE_ACTION_REF:-}" =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then
  version="${PIPELINE_ACTION_REF#v}"
fi
dir="${RUNNER_TEMP:-/tmp}/pipeline-tool"
mkdir -p "$dir"
case "$PIPELINE_INSTALL" in
  binary)
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
      *) echo "::error::No pipeline binary for $(uname -m); use install: dotnet-tool"; exit 1 ;;
    esac
    tag=()
    [ -n "$version" ] && tag=("v$version")
    GH_TOKEN="$PIPELINE_TOKEN" gh release download "${tag[@]}" --repo "$PIPELINE_REPOSITORY" \
      --pattern "pipeline-linux-$arch" --output "$dir/pipeline" --clobber
    chmod +x "$dir/pipeline"
    ;;
  dotnet-tool)
    args=(tool install Pipeline.Tool --tool-path "$dir")
    [ -n "$version" ] && args+=(--version "$version")
    [ -n "${PIPELINE_SOURCE:-}" ] && args+=(--add-source "$PIPELINE_SOURCE")
    dotnet "${args[@]}" >/dev/null
    ;;
  *)
    echo "::error::install must be binary or dotnet-tool, not '$PIPELINE_INSTALL'"
    exit 1
    ;;
esac
echo "$dir" >> "$GITHUB_PATH"
installed="$("$dir/pipeline" --version)"
echo "version=$installed" >> "$GITHUB_OUTPUT"
echo "path=$dir/pipeline" >> "$GITHUB_OUTPUT"
echo "pipeline $installed installed ($PIPELINE_INSTALL)"

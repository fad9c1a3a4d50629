#!/usr/bin/env bash
# Masks every line of the secrets handed to a pipeline action (a PEM key is several lines) before anything runs.
set -euo pipefail
for name in GITHUB_APP_PRIVATE_KEY GITOPS_TOKEN REGISTRY_PASSWORD NUGET_API_KEY; do
  value="${!name:-}"
  [ -z "$value" ] && continue
  while IFS= read -r line; do
    [ ${#line} -ge 4 ] && echo "::add-mask::$line"
  done <<< "$value"
done
exit 0

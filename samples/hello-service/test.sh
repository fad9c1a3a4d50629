#!/bin/sh
# The service's tests (the pipeline runs them with --test-command "sh test.sh").
set -eu
cd "$(dirname "$0")"
passed=0
failed=0
check() { if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $*"; fi; }
check grep -q '<title>hello-service</title>' www/index.html
check sh -n www/cgi-bin/version
check sh -c 'APP_COMMIT=abc123 sh www/cgi-bin/version --plain | grep -qx "{\"app\":\"hello-service\",\"commit\":\"abc123\"}"'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

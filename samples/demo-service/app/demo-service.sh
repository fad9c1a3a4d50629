# demo-service: reports the version and commit its image was built from.
#   info   print them as one JSON line (the default)
#   serve  answer GET /version on port 8080 with the same JSON
set -eu

case "${1:-info}" in
  info)
    exec /bin/busybox sh /app/www/cgi-bin/version --plain
    ;;
  serve)
    echo "demo-service ${DEMO_VERSION} (${DEMO_COMMIT}) listening on :8080"
    exec /bin/busybox httpd -f -p 8080 -h /app/www
    ;;
  *)
    echo "usage: demo-service [info|serve]" >&2
    exit 2
    ;;
esac

# consumer-service: prints what its image was built from as one JSON line.
printf '{"app":"consumer-service","version":"%s","commit":"%s","arch":"%s"}\n' \
  "${APP_VERSION:-dev}" "${APP_COMMIT:-unknown}" "$(/bin/busybox uname -m)"

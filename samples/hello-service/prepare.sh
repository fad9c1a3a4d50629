#!/bin/sh
# Puts Debian's static busybox for each architecture into rootfs/<arch>/busybox, where the Dockerfile copies it.
# (A Go or Node service compiles in its Dockerfile instead; this one has nothing to compile.) Downloads with
# apt-get into a cache of its own, without changing the machine's package state.
set -eu
cd "$(dirname "$0")"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/pipeline/busybox"
for arch in ${ARCHITECTURES:-amd64 arm64}; do
  [ -f "rootfs/$arch/busybox" ] && continue
  dir="$cache/$arch"
  if [ ! -f "$dir/root/bin/busybox" ]; then
    mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/download"
    o="-oAPT::Architecture=$arch -oAPT::Architectures=$arch -oDir::State::Lists=$dir/lists -oDir::Cache=$dir/cache"
    o="$o -oDir::Cache::pkgcache= -oDir::Cache::srcpkgcache= -oDebug::NoLocking=1"
    apt-get $o update >/dev/null
    (cd "$dir/download" && apt-get $o download busybox-static >/dev/null)
    dpkg-deb -x "$(ls "$dir"/download/*.deb | head -n 1)" "$dir/root"
  fi
  mkdir -p "rootfs/$arch"
  cp "$dir/root/bin/busybox" "rootfs/$arch/busybox"
  echo "rootfs/$arch/busybox"
done

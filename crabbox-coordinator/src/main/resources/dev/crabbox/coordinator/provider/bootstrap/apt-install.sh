#!/bin/sh
# Installs Debian/Ubuntu packages without their recommendations (that keeps the XFCE session
# slim) and waits up to ten minutes for a dpkg lock held by first-boot unattended upgrades.
# The package index is fetched once per boot, and again with --refresh after adding a source.
# Packages are installed here rather than by cloud-init's packages module because a failure
# there does not stop runcmd, and the lease would be marked ready without them.
set -eu
export DEBIAN_FRONTEND=noninteractive
lock=DPkg::Lock::Timeout=600
stamp=/run/crabbox-apt-updated

if [ "${1:-}" = --refresh ]; then
  shift
  rm -f "$stamp"
fi
if [ ! -e "$stamp" ]; then
  apt-get -o "$lock" -q update
  touch "$stamp"
fi
if [ "$#" -gt 0 ]; then
  apt-get -o "$lock" -q -y install --no-install-recommends "$@"
fi

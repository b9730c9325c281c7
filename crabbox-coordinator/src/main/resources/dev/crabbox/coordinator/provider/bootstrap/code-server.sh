#!/bin/sh
# --code (spec 003): code-server from its release tarball, installed only when the download has
# the SHA-256 configured in providers.bootstrap, then run as the lease user on 127.0.0.1 only
# (the portal bridge reaches it through SSH; there is no public port).
set -eu
version=@@VERSION@@
url=@@URL@@
sha256=@@SHA256@@
prefix="/usr/local/lib/code-server-$version"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

curl -fsSL --retry 5 -o "$work/code-server.tar.gz" "$url"
if ! echo "$sha256  $work/code-server.tar.gz" | sha256sum -c -; then
  echo "code-server $version from $url does not match providers.bootstrap.codeServerSha256;" \
    "refusing to install it" >&2
  exit 1
fi
rm -rf "$prefix"
mkdir -p "$prefix"
tar -xzf "$work/code-server.tar.gz" -C "$prefix" --strip-components=1
ln -sfn "$prefix/bin/code-server" @@CODE_SERVER_BIN@@
@@CODE_SERVER_BIN@@ --version
systemctl daemon-reload
systemctl enable --now crabbox-code-server.service
@@BOOTSTRAP_DIR@@/wait-port.sh @@PORT@@ code-server

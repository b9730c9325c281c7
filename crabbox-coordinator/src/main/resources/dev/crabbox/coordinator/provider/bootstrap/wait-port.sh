#!/bin/sh
# usage: wait-port.sh PORT NAME
# Waits until NAME listens on 127.0.0.1:PORT (so "ready" means running, not just installed),
# then refuses the lease if the port is bound anywhere but loopback: there is no public port.
set -eu
port=$1
name=$2

tries=0
until ss -Hltn src "127.0.0.1:$port" | grep -q .; do
  tries=$((tries + 1))
  if [ "$tries" -ge 120 ]; then
    echo "$name is not listening on 127.0.0.1:$port after two minutes" >&2
    exit 1
  fi
  sleep 1
done
exposed=$(ss -Hltn "sport = :$port" | awk '{ print $4 }' | grep -v "^127\.0\.0\.1:$port\$" || true)
if [ -n "$exposed" ]; then
  echo "$name listens on $exposed as well as loopback; refusing to expose it" >&2
  exit 1
fi

#!/bin/sh
# usage: wait-display.sh :N
# Waits up to 30 seconds for the X server of display :N to accept connections, so the session
# and the VNC server started after Xvfb do not fail while it is still coming up.
set -eu
socket="/tmp/.X11-unix/X${1#:}"

tries=0
until [ -S "$socket" ]; do
  tries=$((tries + 1))
  if [ "$tries" -ge 300 ]; then
    echo "display $1 did not come up ($socket is missing)" >&2
    exit 1
  fi
  sleep 0.1
done

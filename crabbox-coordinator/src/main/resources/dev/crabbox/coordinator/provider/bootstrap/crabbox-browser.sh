#!/bin/sh
# The lease's browser: Google Chrome when the bootstrap could install it, Chromium otherwise.
# BROWSER and CHROME_BIN point here, so tools need not know which one it was.
for candidate in google-chrome-stable google-chrome chromium chromium-browser; do
  if command -v "$candidate" >/dev/null 2>&1; then
    exec "$candidate" "$@"
  fi
done
echo "crabbox-browser: neither Google Chrome nor Chromium is installed on this lease" >&2
exit 127

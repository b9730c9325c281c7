#!/bin/sh
# --browser (spec 003): Google Chrome stable from Google's apt repository where it is published
# (amd64), Chromium from the distribution otherwise, and the native build helpers that addon
# builds against Chromium need. @@BROWSER_PATH@@ runs whichever got installed.
set -eu
bootstrap=@@BOOTSTRAP_DIR@@
keyring=/usr/share/keyrings/google-chrome.gpg
sources=/etc/apt/sources.list.d/google-chrome.list

# Called as an if condition, where set -e does not apply: every command is checked here.
install_chrome() {
  [ "$(dpkg --print-architecture)" = amd64 ] || return 1
  "$bootstrap/apt-install.sh" gnupg || return 1
  key=$(mktemp) || return 1
  curl -fsSL --retry 3 -o "$key" https://dl.google.com/linux/linux_signing_key.pub \
    && gpg --batch --yes --dearmor -o "$keyring" "$key" \
    && echo "deb [arch=amd64 signed-by=$keyring] https://dl.google.com/linux/chrome/deb/ stable main" >"$sources" \
    && "$bootstrap/apt-install.sh" --refresh google-chrome-stable
  status=$?
  rm -f "$key"
  return "$status"
}

"$bootstrap/apt-install.sh" build-essential pkg-config python3 \
  libgbm-dev libnss3-dev libxss-dev libasound2-dev
if install_chrome; then
  echo "crabbox bootstrap: Google Chrome stable installed"
else
  echo "crabbox bootstrap: Google Chrome is not available here; installing Chromium instead" >&2
  # A half-added Google source would break every later apt-get update on the lease.
  rm -f "$sources" "$keyring"
  "$bootstrap/apt-install.sh" --refresh chromium || "$bootstrap/apt-install.sh" chromium-browser
fi
@@BROWSER_PATH@@ --version

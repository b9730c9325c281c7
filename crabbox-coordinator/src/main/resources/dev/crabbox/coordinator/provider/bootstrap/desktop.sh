#!/bin/sh
# --desktop (spec 003): Xvfb on @@DISPLAY@@, a slim XFCE session (no goodies), x11vnc on
# 127.0.0.1:@@VNC_PORT@@ behind the lease's random password, and scrot and ffmpeg for screenshots
# and recordings.
set -eu
bootstrap=@@BOOTSTRAP_DIR@@
password_file=@@VNC_PASSWORD_FILE@@

"$bootstrap/apt-install.sh" xvfb xauth xfonts-base dbus-x11 \
  xfce4-session xfwm4 xfce4-panel x11vnc scrot ffmpeg
# cloud-init wrote the password file before the user existed; x11vnc reads it as that user and
# the CLI fetches it over SSH as that user.
chown @@USER@@:@@USER@@ "$password_file"
chmod 0600 "$password_file"
systemctl daemon-reload
systemctl enable --now crabbox-xvfb.service crabbox-xfce.service crabbox-x11vnc.service
"$bootstrap/wait-port.sh" @@VNC_PORT@@ x11vnc

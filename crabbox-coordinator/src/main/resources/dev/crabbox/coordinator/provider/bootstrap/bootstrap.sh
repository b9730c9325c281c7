#!/bin/sh
# Crabbox lease bootstrap, run once by cloud-init: every capability step in order, then the
# ready marker the CLI waits for. A failing step stops here, leaves its name in the failed
# marker and exits non-zero, so the lease never looks ready with a capability missing.
set -eu
steps_dir=@@BOOTSTRAP_DIR@@
ready=@@READY_MARKER@@
failed=@@FAILED_MARKER@@

rm -f "$ready" "$failed"
for step in @@STEPS@@; do
  echo "crabbox bootstrap: $step"
  if ! "$steps_dir/$step"; then
    echo "crabbox bootstrap failed in $step; see /var/log/cloud-init-output.log" | tee "$failed" >&2
    exit 1
  fi
done
touch "$ready"
echo "crabbox bootstrap: ready"

#!/bin/sh
# Every lease: the Java 17 runtime the Crabbox agent runs on, and the tools later steps download with.
set -eu
@@BOOTSTRAP_DIR@@/apt-install.sh openjdk-17-jre-headless ca-certificates curl
java -version

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# Installs what is missing (Debian 12 packages only) and builds into build/.
#   scenarios/setup.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# libxml2-dev and libsqlite3-dev: ns-3's exported CMake targets name their
# include folder and library, but libns3-dev does not depend on them.
# git: the build records `git describe` in every CSV's provenance lines.
packages=(libns3-dev ns3 libgsl-dev libxml2-dev libsqlite3-dev libgtest-dev python3-matplotlib
          python3-distributed cmake g++ make git)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
cmake -S "$here" -B "$here/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$here/build" -j "$(nproc)"

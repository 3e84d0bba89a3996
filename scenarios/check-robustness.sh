#!/usr/bin/env bash
# The robustness checks CI runs after the README's test command:
# builds the library, programs and tests with AddressSanitizer and
# UndefinedBehaviorSanitizer (clang), runs the whole test suite under them,
# then a short run of every libFuzzer target from a corpus of real messages.
#   scenarios/check-robustness.sh [FUZZ_SECONDS]      (default 45 per target)
# A long fuzz run of one target (see doc/pmipv6.rst, "Fuzzing and sanitizers"):
#   build-fuzz/fuzz-receive -max_total_time=3600 build-fuzz/corpus/receive
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-45}
packages=(clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
cmake -S "$here" -B "$here/build-fuzz" -DCMAKE_CXX_COMPILER=clang++ -DPMIPV6_FUZZ=ON \
    -DPMIPV6_FUZZ_SECONDS="$seconds" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$here/build-fuzz" -j "$(nproc)"
# The whole test suite and the fuzz runs, leak checking included.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$here/build-fuzz" --output-on-failure -j "$(nproc)"
# What each fuzz target did (libFuzzer's final stats, kept in ctest's log).
awk '/^[0-9]+\/[0-9]+ Test: fuzz-/{t=$3} /stat::number_of_executed_units|stat::new_units_added/{print t, $0}' \
    "$here/build-fuzz/Testing/Temporary/LastTest.log"

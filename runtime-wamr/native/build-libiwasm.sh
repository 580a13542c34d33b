#!/usr/bin/env bash
# Builds libiwasm.so (WAMR 1.1.2) from the C sources that the npm package @grain/libiwasm ships,
# together with WitHost's own native additions (interrupt/, built by CMakeLists.txt beside this
# script, which includes WAMR's build-scripts/runtime_lib.cmake).
#
#   build-libiwasm.sh <output-dir> [--without-interrupt]
#
# --without-interrupt builds plain WAMR instead (its own CMakeLists, no thread manager, none of
# our native sources): a libiwasm that cannot stop a running guest, used only to measure what
# the interrupt mechanism costs (docs/benchmarks.md).
#
# The result is cached: when <output-dir>/libiwasm.so exists and was built with the same flags
# and the same native sources of our own (recorded in <output-dir>/build-flags.txt), nothing is
# done. docs/native.md explains each flag.
set -euo pipefail

out_dir=${1:?usage: build-libiwasm.sh <output-dir> [--without-interrupt]}
without_interrupt=0
[[ ${2:-} == --without-interrupt ]] && without_interrupt=1
wamr_version=1.1.2
here=$(cd "$(dirname "$0")" && pwd)

# Each flag is explained in docs/native.md. Keep this list and that page in step.
flags=(
  -DCMAKE_BUILD_TYPE=Release
  -DWAMR_BUILD_PLATFORM=linux
  -DWAMR_BUILD_INTERP=1
  -DWAMR_BUILD_FAST_INTERP=1
  -DWAMR_BUILD_AOT=1
  -DWAMR_BUILD_JIT=0
  -DWAMR_BUILD_FAST_JIT=0
  -DWAMR_BUILD_LIBC_BUILTIN=1
  -DWAMR_BUILD_LIBC_WASI=1
  -DWAMR_BUILD_BULK_MEMORY=1
  -DWAMR_BUILD_REF_TYPES=1
  -DWAMR_BUILD_SIMD=0
  -DWAMR_BUILD_MULTI_MODULE=0
  -DWAMR_BUILD_LIB_PTHREAD=0
  -DWAMR_BUILD_THREAD_MGR=1
  -DWAMR_BUILD_SHARED_MEMORY=0
  -DWAMR_BUILD_MINI_LOADER=0
  -DWAMR_BUILD_CUSTOM_NAME_SECTION=0
  -DWAMR_BUILD_DUMP_CALL_STACK=0
  -DWAMR_DISABLE_HW_BOUND_CHECK=1
  -DWAMR_DISABLE_STACK_HW_BOUND_CHECK=1
)
# Our own native sources are part of the signature: editing them rebuilds the library.
own_sources=$(cat "$here/CMakeLists.txt" "$here"/interrupt/*.c | sha256sum | cut -c1-16)
cmake_source=$here
if (( without_interrupt )); then
  flags=("${flags[@]/-DWAMR_BUILD_THREAD_MGR=1/-DWAMR_BUILD_THREAD_MGR=0}")
  own_sources=none
fi
signature="wamr=$wamr_version own=$own_sources ${flags[*]}"

if [[ -f "$out_dir/libiwasm.so" && -f "$out_dir/include/wasm_export.h" && -f "$out_dir/build-flags.txt" && "$(cat "$out_dir/build-flags.txt")" == "$signature" ]]; then
  exit 0
fi

missing=()
command -v npm >/dev/null 2>&1 || missing+=("npm (apt-get install npm, or Node.js from nodejs.org)")
command -v cmake >/dev/null 2>&1 || missing+=("cmake (apt-get install cmake)")
if ! command -v cc >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1 && ! command -v clang >/dev/null 2>&1; then
  missing+=("a C compiler (apt-get install gcc)")
fi
command -v make >/dev/null 2>&1 || missing+=("make (apt-get install make)")
if (( ${#missing[@]} )); then
  echo "error WITHOST9001: building libiwasm from source needs tools this machine lacks:" >&2
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  echo "Install them, or point the runtime at an existing libiwasm.so with WITHOST_LIBIWASM_PATH." >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/withost-libiwasm.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "withost: fetching WAMR $wamr_version sources (npm package @grain/libiwasm@$wamr_version)"
(cd "$work" && npm pack --silent "@grain/libiwasm@$wamr_version" >/dev/null)
tar -xzf "$work"/grain-libiwasm-$wamr_version.tgz -C "$work"
src="$work/package/wasm-micro-runtime"
[[ -f "$src/CMakeLists.txt" ]] || { echo "error WITHOST9002: the npm package has no wasm-micro-runtime sources" >&2; exit 1; }

echo "withost: building libiwasm.so with cmake"
jobs=$(nproc 2>/dev/null || echo 2)
(( without_interrupt )) && cmake_source=$src
cmake -S "$cmake_source" -B "$work/build" -DWAMR_ROOT_DIR="$src" "${flags[@]}" >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log" >&2; exit 1; }
cmake --build "$work/build" --target iwasm_shared -j "$jobs" >"$work/build.log" 2>&1 || { tail -50 "$work/build.log" >&2; exit 1; }

mkdir -p "$out_dir"
# Copy to a temporary name first so a concurrent reader never sees a half-written library.
cp "$work/build/libiwasm.so" "$out_dir/libiwasm.so.tmp"
mv -f "$out_dir/libiwasm.so.tmp" "$out_dir/libiwasm.so"
cp "$src/LICENSE" "$out_dir/LICENSE-WAMR"
# WAMR's embedding headers, for C programs built against this library (tests/native).
mkdir -p "$out_dir/include"
cp "$src"/core/iwasm/include/*.h "$out_dir/include/"
printf '%s' "$signature" >"$out_dir/build-flags.txt"
echo "withost: libiwasm.so ready in $out_dir"

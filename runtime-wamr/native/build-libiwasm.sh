#!/usr/bin/env bash
# Builds libiwasm.so (WAMR 1.1.2) from the C sources that the npm package @grain/libiwasm ships,
# together with WitHost's own native additions (interrupt/, calls/ and residency/, built by
# CMakeLists.txt beside this script, which includes WAMR's build-scripts/runtime_lib.cmake).
#
#   build-libiwasm.sh <output-dir> [--rid <rid>] [--without-interrupt]
#
# --rid names the machine the library is for: the build machine's own (linux-x64 on x86-64, the
# default) or linux-arm64, cross-compiled from x86-64 with Debian's gcc-aarch64-linux-gnu
# through the cmake toolchain file toolchains/linux-arm64.cmake.
#
# --without-interrupt builds plain WAMR instead (its own CMakeLists, no thread manager, none of
# our native sources): a libiwasm that cannot stop a running guest, used only to measure what
# the interrupt mechanism costs (docs/benchmarks.md).
#
# A build that compiles says so first, once (what it fetches and compiles, where the result is
# cached, how to skip it): a first `dotnet build` otherwise sits silent for a minute. MSBuild's
# terminal logger (an interactive `dotnet build`) shows no output of build steps, so when
# libiwasm.targets sets WITHOST_NATIVE_STATUS_TO_TERMINAL=1 (the terminal logger is on) these
# lines also go to the terminal itself.
#
# The result is cached: when <output-dir>/libiwasm.so exists and was built with the same flags
# and the same native sources of our own (recorded in <output-dir>/build-flags.txt), nothing is
# done. docs/native.md explains each flag.
set -euo pipefail

usage="usage: build-libiwasm.sh <output-dir> [--rid <rid>] [--without-interrupt]"
out_dir=${1:?$usage}
shift
without_interrupt=0
case "$(uname -m)" in
  x86_64) host_rid=linux-x64 ;;
  aarch64) host_rid=linux-arm64 ;;
  *) host_rid=unknown ;;
esac
rid=$host_rid
while (( $# )); do
  case "$1" in
    --without-interrupt) without_interrupt=1 ;;
    --rid) rid=${2:?$usage}; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift
done
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
own_sources=$(cat "$here/CMakeLists.txt" "$here"/interrupt/*.c "$here"/calls/*.c "$here"/residency/*.c | sha256sum | cut -c1-16)
cmake_source=$here
if (( without_interrupt )); then
  flags=("${flags[@]/-DWAMR_BUILD_THREAD_MGR=1/-DWAMR_BUILD_THREAD_MGR=0}")
  own_sources=none
fi
# Another machine than the build machine's: cross-compile with the toolchain file for it. Its
# contents are part of the signature too.
toolchain_file=
if [[ $rid != "$host_rid" ]]; then
  toolchain_file=$here/toolchains/$rid.cmake
  if [[ $host_rid != linux-x64 || ! -f $toolchain_file ]]; then
    echo "error WITHOST9003: cannot build libiwasm for $rid on this $host_rid machine (cross-compiling is set up for linux-arm64 from linux-x64)" >&2
    exit 1
  fi
  flags+=(-DWAMR_BUILD_TARGET=AARCH64)
  own_sources="$own_sources toolchain=$(sha256sum <"$toolchain_file" | cut -c1-16)"
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
if [[ $rid == linux-arm64 && $host_rid != linux-arm64 ]]; then
  command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || missing+=("the linux-arm64 cross compiler (apt-get install gcc-aarch64-linux-gnu)")
fi
if (( ${#missing[@]} )); then
  echo "error WITHOST9001: building libiwasm from source needs tools this machine lacks:" >&2
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  echo "Install them, or point the runtime at an existing libiwasm.so with WITHOST_LIBIWASM_PATH." >&2
  exit 1
fi

# Prints a status line: to standard output (MSBuild's console logger shows it at normal
# verbosity) and, under the terminal logger, to the terminal.
say() {
  printf '%s\n' "$*"
  if [[ ${WITHOST_NATIVE_STATUS_TO_TERMINAL:-} == 1 ]]; then
    { printf '%s\n' "$*" >/dev/tty; } 2>/dev/null || true
  fi
}

say "withost: building libiwasm.so for $rid (WAMR $wamr_version, the native runtime WitHost.Wamr runs guests on) from source, once: fetching its sources with npm (@grain/libiwasm@$wamr_version), then compiling them with cmake; this takes a minute or so."
say "withost: it is cached in $out_dir; set WITHOST_LIBIWASM_PATH to an existing libiwasm.so to skip this build."
started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/withost-libiwasm.XXXXXX")
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@grain/libiwasm@$wamr_version" >/dev/null)
tar -xzf "$work"/grain-libiwasm-$wamr_version.tgz -C "$work"
src="$work/package/wasm-micro-runtime"
[[ -f "$src/CMakeLists.txt" ]] || { echo "error WITHOST9002: the npm package has no wasm-micro-runtime sources" >&2; exit 1; }

echo "withost: compiling libiwasm.so for $rid with cmake"
jobs=$(nproc 2>/dev/null || echo 2)
(( without_interrupt )) && cmake_source=$src
toolchain=()
[[ -n $toolchain_file ]] && toolchain=(-DCMAKE_TOOLCHAIN_FILE="$toolchain_file")
cmake -S "$cmake_source" -B "$work/build" -DWAMR_ROOT_DIR="$src" "${flags[@]}" "${toolchain[@]}" >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log" >&2; exit 1; }
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
say "withost: libiwasm.so for $rid is ready ($((SECONDS - started)) s)."

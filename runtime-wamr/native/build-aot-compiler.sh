#!/usr/bin/env bash
# Builds withost-aotc, the ahead-of-time compiler driver (aot-compiler/withost_aotc.c), from the
# same WAMR 1.1.2 sources as libiwasm (npm package @grain/libiwasm) and the system's LLVM 15
# (Debian: llvm-15-dev). Only compiling guests ahead of time needs it; the runtime does not.
#
#   build-aot-compiler.sh <output-dir>
#
# The result, <output-dir>/withost-aotc, is cached like libiwasm: nothing is done when it exists
# and was built from the same sources with the same LLVM (<output-dir>/aotc-build-flags.txt).
# LLVM_CONFIG names another llvm-config of LLVM 15. docs/native.md ("AOT") explains the choices.
set -euo pipefail

out_dir=${1:?usage: build-aot-compiler.sh <output-dir>}
wamr_version=1.1.2
here=$(cd "$(dirname "$0")" && pwd)
llvm_config=${LLVM_CONFIG:-llvm-config-15}

missing=()
if ! command -v "$llvm_config" >/dev/null 2>&1; then
  missing+=("LLVM 15 ($llvm_config; apt-get install llvm-15-dev)")
fi
command -v npm >/dev/null 2>&1 || missing+=("npm (apt-get install npm, or Node.js from nodejs.org)")
command -v cmake >/dev/null 2>&1 || missing+=("cmake (apt-get install cmake)")
command -v make >/dev/null 2>&1 || missing+=("make (apt-get install make)")
command -v g++ >/dev/null 2>&1 || command -v clang++ >/dev/null 2>&1 || missing+=("a C++ compiler (apt-get install g++)")
if (( ${#missing[@]} )); then
  echo "error WITHOST9004: building the AOT compiler (withost-aotc) needs tools this machine lacks:" >&2
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  echo "On Debian 12: apt-get install llvm-15-dev g++ cmake make npm. Running AOT-compiled guests needs none of them." >&2
  exit 1
fi

llvm_version=$("$llvm_config" --version)
if [[ $llvm_version != 15.* ]]; then
  echo "error WITHOST9004: WAMR $wamr_version's compiler builds against LLVM 15; $llvm_config is LLVM $llvm_version (apt-get install llvm-15-dev, or set LLVM_CONFIG)" >&2
  exit 1
fi

own_sources=$(cat "$here"/aot-compiler/CMakeLists.txt "$here"/aot-compiler/*.c | sha256sum | cut -c1-16)
signature="wamr=$wamr_version own=$own_sources llvm=$llvm_version"
if [[ -x "$out_dir/withost-aotc" && -f "$out_dir/aotc-build-flags.txt" && "$(cat "$out_dir/aotc-build-flags.txt")" == "$signature" ]]; then
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/withost-aotc.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "withost: fetching WAMR $wamr_version sources (npm package @grain/libiwasm@$wamr_version)"
(cd "$work" && npm pack --silent "@grain/libiwasm@$wamr_version" >/dev/null)
tar -xzf "$work"/grain-libiwasm-$wamr_version.tgz -C "$work"
src="$work/package/wasm-micro-runtime"
[[ -f "$src/core/iwasm/compilation/aot_compiler.c" ]] || { echo "error WITHOST9002: the npm package has no WAMR compiler sources" >&2; exit 1; }

echo "withost: building withost-aotc with cmake (WAMR's compiler over LLVM $llvm_version)"
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$here/aot-compiler" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DWAMR_ROOT_DIR="$src" \
  -DLLVM_CONFIG="$(command -v "$llvm_config")" >"$work/cmake.log" 2>&1 || { cat "$work/cmake.log" >&2; exit 1; }
cmake --build "$work/build" --target withost-aotc -j "$jobs" >"$work/build.log" 2>&1 || { tail -50 "$work/build.log" >&2; exit 1; }

mkdir -p "$out_dir"
cp "$work/build/withost-aotc" "$out_dir/withost-aotc.tmp"
mv -f "$out_dir/withost-aotc.tmp" "$out_dir/withost-aotc"
cp "$src/LICENSE" "$out_dir/LICENSE-WAMR"
printf '%s' "$signature" >"$out_dir/aotc-build-flags.txt"
echo "withost: withost-aotc ready in $out_dir"

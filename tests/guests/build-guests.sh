#!/usr/bin/env bash
# Rebuilds every C guest (tests/guests/*.c, samples/*/guest/*.c and the `dotnet new wit-host`
# template's nuget/templates/content/*/guest/*.c) into a .wasm beside its source. The built
# .wasm files are committed, so a machine without this toolchain still runs the tests and the
# template ships a guest; CI rebuilds them to prove the sources and binaries agree.
# tests/guests/cabi.h holds the Canonical ABI helpers the test guests share (each guest is one
# translation unit; the template's guest is self-contained, as a user receives it).
#
# tests/guests/*.wat are hand-written core modules (guests that break a world's rules on purpose),
# and tests/guests/features/*.wat one per wasm feature toolchains emit; wabt's wat2wasm builds both.
#
# Needs Debian's clang-14, lld-14, wasi-libc, libclang-rt-14-dev-wasm32 and wabt.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cc=${WASM_CC:-clang-14}
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "error: $cc not found; install: apt-get install clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32" >&2
  exit 1
fi
if ! command -v wat2wasm >/dev/null 2>&1; then
  echo "error: wat2wasm not found; install: apt-get install wabt" >&2
  exit 1
fi

# -O2 reactor modules (no main; `_initialize` runs the constructors). --sysroot points at
# Debian's wasi-libc. The linker keeps exported names exactly as written in export_name().
# Compiled and linked in two steps, the link without -O: clang's wasm driver runs binaryen's
# wasm-opt over a link that has an -O flag whenever wasm-opt is on PATH, so one step would make
# the committed binaries depend on whether the machine has binaryen installed.
target=(--target=wasm32-wasi --sysroot=/usr)
compile_flags=(-O2 -Wall -Wextra -Werror)
link_flags=(-mexec-model=reactor -Wl,--strip-debug)
objects=$(mktemp -d)
trap 'rm -rf "$objects"' EXIT

shopt -s nullglob
for src in "$root"/tests/guests/*.c "$root"/samples/*/guest/*.c "$root"/nuget/templates/content/*/guest/*.c; do
  out="${src%.c}.wasm"
  compile_extra=()
  link_extra=()
  case $(basename "$src") in
    # Built as rustc and clang 16+ build by default: indirect calls name their table.
    reference-types.c) compile_extra=(-mreference-types) ;;
    # Exports __heap_base and __data_end as rustc's wasm32 guests do, from which WAMR learns
    # where the shadow stack lives (the thread manager would share it out between threads).
    runaway.c) link_extra=(-Wl,--export=__heap_base -Wl,--export=__data_end) ;;
    small-stack.c) link_extra=(-Wl,-z,stack-size=1024 -Wl,--export=__heap_base -Wl,--export=__data_end) ;;
  esac
  object="$objects/$(basename "${src%.c}").o"
  "$cc" "${target[@]}" "${compile_flags[@]}" "${compile_extra[@]}" -c -o "$object" "$src"
  "$cc" "${target[@]}" "${link_flags[@]}" "${link_extra[@]}" -o "$out" "$object"
  echo "built ${out#"$root"/}"
done

# Hand-written modules (tests/guests/*.wat, tests/guests/features/*.wat), assembled with wabt's
# wat2wasm (Debian package wabt; checked for above).
for src in "$root"/tests/guests/*.wat "$root"/tests/guests/features/*.wat; do
  out="${src%.wat}.wasm"
  wat2wasm -o "$out" "$src"
  echo "built ${out#"$root"/}"
done

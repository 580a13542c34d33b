#!/usr/bin/env bash
# Shows that the linux-arm64 libiwasm the WitHost.Wamr package ships works on that machine:
# builds it (runtime-wamr/native/build-libiwasm.sh --rid linux-arm64, cached under
# artifacts/native/linux-arm64), builds tests/native/smoke-host.c against it with
# aarch64-linux-gnu-gcc, and runs the host under qemu-aarch64 (user-mode emulation) on
# tests/guests/core.wasm. Needs Debian's gcc-aarch64-linux-gnu and qemu-user (.ci/run installs
# them). Exits non-zero when a check of the host fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rid=linux-arm64
lib_dir=$root/artifacts/native/$rid

for tool in aarch64-linux-gnu-gcc qemu-aarch64; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run-smoke-host: $tool is missing (apt-get install gcc-aarch64-linux-gnu qemu-user)" >&2
    exit 1
  fi
done

bash "$root/runtime-wamr/native/build-libiwasm.sh" "$lib_dir" --rid "$rid"

work=$(mktemp -d "${TMPDIR:-/tmp}/withost-smoke-host.XXXXXX")
trap 'rm -rf "$work"' EXIT
aarch64-linux-gnu-gcc -O2 -Wall -Wextra -Werror -I "$lib_dir/include" \
  "$root/tests/native/smoke-host.c" -o "$work/smoke-host" \
  -L "$lib_dir" -liwasm -lpthread -Wl,-rpath,"$lib_dir"

# The emulated program's loader and C library come from the cross sysroot.
echo "run-smoke-host: running the $rid host under qemu-aarch64"
QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64 "$work/smoke-host" "$root/tests/guests/core.wasm"

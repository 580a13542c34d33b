#!/usr/bin/env bash
# Runs the sample host (samples/HelloWorld: generated bindings over WitHost.Wamr) as a linux-arm64
# .NET program under qemu-aarch64: published self-contained for linux-arm64 (the runtime pack
# comes from NuGet) with the cross-compiled libiwasm beside it, so the managed runtime, its
# P/Invoke layer and the arm64 library are checked together. Needs what run-smoke-host.sh needs.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rid=linux-arm64
lib_dir=$root/artifacts/native/$rid

for tool in aarch64-linux-gnu-gcc qemu-aarch64; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run-sample-arm64: $tool is missing (apt-get install gcc-aarch64-linux-gnu qemu-user)" >&2
    exit 1
  fi
done

bash "$root/runtime-wamr/native/build-libiwasm.sh" "$lib_dir" --rid "$rid"

out=$(mktemp -d "${TMPDIR:-/tmp}/withost-sample-arm64.XXXXXX")
trap 'rm -rf "$out"' EXIT
# The sample references the runtime by path, whose build copies the library that
# WITHOST_LIBIWASM_PATH names. A configuration of its own keeps these bin and obj folders apart
# from the linux-x64 builds'. The cross sysroot has no ICU, hence invariant globalization.
WITHOST_LIBIWASM_PATH=$lib_dir/libiwasm.so dotnet publish "$root/samples/HelloWorld" -c ReleaseArm64 -r "$rid" \
  --self-contained -p:InvariantGlobalization=true -o "$out" -v quiet -nologo

echo "run-sample-arm64: running the $rid sample under qemu-aarch64"
output=$(QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64 "$out/HelloWorld")
echo "$output"
grep -qF 'strings.reverse("Hello, 世界 🌍") = "🌍 界世 ,olleH"' <<<"$output" ||
  { echo "run-sample-arm64: the linux-arm64 sample printed something unexpected" >&2; exit 1; }
echo "run-sample-arm64: OK"

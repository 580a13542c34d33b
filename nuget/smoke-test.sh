#!/usr/bin/env bash
# The packages as a user gets them (docs/packaging.md): packs every package of WitHost.slnx into a
# temporary folder and uses that folder as a NuGet source, with an empty package cache, so a
# package cached earlier under the same version cannot hide a broken one. Then:
#   1. checks the layout of each package as NuGet extracts it;
#   2. installs the template into a throwaway template hive, creates a project with
#      `dotnet new wit-host`, builds it, runs it and compares its output;
#   3. adds WitHost.Wamr to a plain `dotnet new console` project with `dotnet add package`, gives it
#      a .wit file and a [WitHost] class, publishes it for linux-x64 and runs it;
#   4. installs the wit-host tool and runs it.
# Nothing outside the temporary folder is changed (the machine's templates, tools and package
# cache are left alone). Needs the .NET SDK and the machine's NuGet source(s) for third-party
# packages; WITHOST_SMOKE_KEEP=1 keeps the temporary folder for a look afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/withost-smoke.XXXXXX")
if [[ "${WITHOST_SMOKE_KEEP:-}" == 1 ]]; then
  echo "smoke: keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi

step() { echo "smoke: $*"; }
fail() {
  echo "smoke: FAILED: $*" >&2
  exit 1
}
# Runs a command quietly; on failure prints what it wrote and stops.
run() {
  local log="$work/last-command.log"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    fail "command failed: $*"
  fi
}
expect_file() { [[ -f "$1" ]] || fail "$2: missing ${1#"$work"/}"; }
expect_output() { # <what> <expected> <actual>
  if [[ "$3" != "$2" ]]; then
    echo "--- expected" >&2
    echo "$2" >&2
    echo "--- got" >&2
    echo "$3" >&2
    fail "$1 printed something unexpected"
  fi
}

# The machine's package sources, read before anything here changes the configuration.
mapfile -t sources < <(cd "$work" && dotnet nuget list source --format short | awk '$1 ~ /^E/ { print $2 }')
((${#sources[@]})) || fail "no enabled NuGet source on this machine (dotnet nuget list source); third-party packages cannot be restored"

version=$(cd "$root" && dotnet msbuild nuget/templates/WitHost.Templates.csproj -getProperty:PackageVersion)
[[ -n "$version" ]] || fail "could not read the package version"

step "packing WitHost.slnx ($version) into $work/packages"
feed="$work/packages"
run dotnet pack "$root/WitHost.slnx" -c Release -p:PackageOutputPath="$feed/" -nologo
for id in WitHost.Wit WitHost.Generator WitHost.Wamr WitHost.Cli WitHost.Templates; do
  expect_file "$feed/$id.$version.nupkg" "dotnet pack"
done

# WitHost packages come only from the temporary folder; everything else from the machine's sources.
{
  echo '<?xml version="1.0" encoding="utf-8"?>'
  echo '<configuration>'
  echo '  <packageSources>'
  echo '    <clear />'
  echo "    <add key=\"withost-local\" value=\"$feed\" />"
  for i in "${!sources[@]}"; do echo "    <add key=\"machine-$i\" value=\"${sources[$i]}\" />"; done
  echo '  </packageSources>'
  echo '  <packageSourceMapping>'
  echo '    <packageSource key="withost-local"><package pattern="WitHost.*" /></packageSource>'
  for i in "${!sources[@]}"; do echo "    <packageSource key=\"machine-$i\"><package pattern=\"*\" /></packageSource>"; done
  echo '  </packageSourceMapping>'
  echo '</configuration>'
} >"$work/nuget.config"
export NUGET_PACKAGES="$work/nuget-packages"
hive="$work/template-hive"

step "dotnet new wit-host"
run dotnet new install "$feed/WitHost.Templates.$version.nupkg" --debug:custom-hive "$hive"
run dotnet new wit-host -n TemplateHost -o "$work/TemplateHost" --debug:custom-hive "$hive"
expect_file "$work/TemplateHost/TemplateHost.csproj" "dotnet new wit-host (sourceName)"
grep -q "Include=\"WitHost.Wamr\" Version=\"$version\"" "$work/TemplateHost/TemplateHost.csproj" ||
  fail "the template's project does not reference WitHost.Wamr $version"
for f in Program.cs wit/app.wit guest/app.c guest/app.wasm; do expect_file "$work/TemplateHost/$f" "dotnet new wit-host"; done

step "building and running the template's project"
run dotnet build "$work/TemplateHost" -nologo
output=$(cd "$work/TemplateHost" && dotnet run --no-build) || fail "the template's project did not run"
expect_output "the template's project" '[guest] greet was called
greet("WitHost") = "Hello, WitHost!"
fibonacci(50) = 12586269025' "$output"

step "checking the package layouts"
pkg() { echo "$NUGET_PACKAGES/$(tr '[:upper:]' '[:lower:]' <<<"$1")/$version"; }
generator=$(pkg WitHost.Generator)
expect_file "$generator/analyzers/dotnet/cs/WitHost.Generator.dll" "WitHost.Generator"
expect_file "$generator/analyzers/dotnet/cs/WitHost.Wit.dll" "WitHost.Generator"
expect_file "$generator/analyzers/dotnet/cs/WitHost.Analyzers.dll" "WitHost.Generator"
expect_file "$generator/analyzers/dotnet/cs/WitHost.Analyzers.CodeFixes.dll" "WitHost.Generator"
[[ ! -e "$generator/lib" ]] || fail "WitHost.Generator has lib/ assets; it must only carry compiler plug-ins"
grep -q '<developmentDependency>true</developmentDependency>' "$generator/withost.generator.nuspec" ||
  fail "WitHost.Generator is not a development dependency"
wamr=$(pkg WitHost.Wamr)
expect_file "$wamr/lib/net10.0/WitHost.Wamr.dll" "WitHost.Wamr"
expect_file "$wamr/runtimes/linux-x64/native/libiwasm.so" "WitHost.Wamr"
expect_file "$wamr/runtimes/linux-arm64/native/libiwasm.so" "WitHost.Wamr"
# Each library is for its RID's machine: the ELF header's e_machine (offset 18) is 62 for x86-64
# and 183 for AArch64.
elf_machine() { od -An -tu2 -j18 -N2 "$1" | tr -d ' '; }
[[ $(elf_machine "$wamr/runtimes/linux-x64/native/libiwasm.so") == 62 ]] || fail "runtimes/linux-x64/native/libiwasm.so is not an x86-64 library"
[[ $(elf_machine "$wamr/runtimes/linux-arm64/native/libiwasm.so") == 183 ]] || fail "runtimes/linux-arm64/native/libiwasm.so is not an AArch64 library"
expect_file "$wamr/buildTransitive/WitHost.Wamr.props" "WitHost.Wamr"
expect_file "$wamr/buildTransitive/WitHost.Wamr.targets" "WitHost.Wamr"
grep -q '<dependency id="WitHost.Generator"' "$wamr/withost.wamr.nuspec" || fail "WitHost.Wamr does not depend on WitHost.Generator"
expect_file "$(pkg WitHost.Wit)/lib/netstandard2.0/WitHost.Wit.dll" "WitHost.Wit"
for id in WitHost.Generator WitHost.Wamr WitHost.Wit; do
  nuspec="$(pkg "$id")/$(tr '[:upper:]' '[:lower:]' <<<"$id").nuspec"
  for field in '<license type="expression">' '<readme>README.md</readme>' '<repository type="git"' '<description>'; do
    grep -q "$field" "$nuspec" || fail "$id's metadata lacks $field"
  done
  expect_file "$(pkg "$id")/README.md" "$id"
done

step "adding the packages to a plain console project"
existing="$work/ExistingApp"
run dotnet new console -n ExistingApp -o "$existing" --debug:custom-hive "$hive"
run dotnet add "$existing/ExistingApp.csproj" package WitHost.Wamr --version "$version"
mkdir -p "$existing/Contracts"
cp "$root/nuget/templates/content/wit-host/wit/app.wit" "$existing/Contracts/app.wit"
cat >"$existing/Program.cs" <<'EOF'
using Example.App;
using WitHost.Wamr;

using var engine = new WamrEngine();
using var module = engine.LoadModule(args[0]);
var log = new RecordingLog();
using var guest = ExistingApp.AppHost.Instantiate(module, new ExistingApp.AppHost.Imports { HostLog = log });
Console.WriteLine(guest.Greet("package"));
Console.WriteLine(guest.Fibonacci(93));
Console.WriteLine(string.Join(", ", log.Lines));

sealed class RecordingLog : IHostLog
{
    public List<string> Lines { get; } = [];
    public void Log(string message) => Lines.Add(message);
}

namespace ExistingApp
{
    // No World: the package has one. The .wit file is found without listing it in the project.
    [WitHost.WitHost("Contracts/app.wit")]
    internal partial class AppHost;
}
EOF
run dotnet publish "$existing" -r linux-x64 --self-contained false -o "$work/ExistingApp-publish" -nologo
expect_file "$work/ExistingApp-publish/libiwasm.so" "dotnet publish -r linux-x64"
output=$("$work/ExistingApp-publish/ExistingApp" "$root/nuget/templates/content/wit-host/guest/app.wasm") ||
  fail "the published console project did not run"
expect_output "the console project" 'Hello, package!
12200160415121876738
greet was called' "$output"

step "the analyzers report in a build from the package"
# A host class that is not partial: the package's analyzers (not the generator) report WITHOST0001.
cat >"$existing/NotPartial.cs" <<'EOF'
namespace ExistingApp
{
    [WitHost.WitHost("Contracts/app.wit")]
    internal sealed class NotPartialHost { }
}
EOF
if output=$(dotnet build "$existing" -nologo 2>&1); then
  fail "a non-partial [WitHost] class built without an error"
fi
grep -q "NotPartial.cs(4,27): error WITHOST0001" <<<"$output" ||
  fail "the build did not report WITHOST0001 at the class name: $(grep -m5 error <<<"$output")"
rm "$existing/NotPartial.cs"

step "installing the wit-host tool"
run dotnet tool install WitHost.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config"
expect_file "$work/tools/.store/withost.cli/$version/withost.cli/$version/tools/net10.0/any/DotnetToolSettings.xml" "WitHost.Cli"
run "$work/tools/wit-host" check "$existing/Contracts/app.wit"
output=$("$work/tools/wit-host" call "$root/nuget/templates/content/wit-host/guest/app.wasm" 'fibonacci(10)' --wit "$existing/Contracts/app.wit") ||
  fail "wit-host call failed: $output"
expect_output "wit-host call" '55' "$output"

step "OK: packages, template, package references and tool work from a local feed"

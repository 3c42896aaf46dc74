#!/usr/bin/env bash
# NotifyHub's test command.
#
#   scripts/test.sh [dotnet test arguments...]   e.g. --filter FullyQualifiedName~Privacy
#   scripts/test.sh --servers-only               start the servers, print their
#                                                addresses, wait for Ctrl-C
#
# Installs what is missing (Debian packages), checks formatting (dotnet format
# --verify-no-changes), starts real PostgreSQL, RabbitMQ and SMTP servers on
# 127.0.0.1 (ports picked at run time, data in a temp folder), builds
# NotifyHub.sln in Release (warnings and banned APIs are errors), runs every test project, prints
# `tests: N passed, N failed, N skipped`, and always stops the servers.
# Exits non-zero when formatting differs, the build or any test fails, or when no test ran.
#
# NOTIFYHUB_TEST_COMMAND, when set, replaces the build and test steps (to check
# this script itself); it may write .trx files into $NOTIFYHUB_TEST_RESULTS.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
servers=$root/scripts/servers

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker nodes left running after the script (they would outlive CI).
export MSBUILDDISABLENODEREUSE=1

servers_only=false
if [[ ${1:-} == --servers-only ]]; then servers_only=true; shift; fi

say() { printf '[test.sh] %s\n' "$*" >&2; }

# --- 1. Debian packages, installed only when missing -------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
for pkg in rabbitmq-server python3-aiosmtpd chromium poppler-utils fonts-noto-cjk fonts-ipaexfont-gothic docker-compose openssh-server gnupg; do
  installed "$pkg" || missing+=("$pkg")
done
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null \
  || missing+=(postgresql)
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  sudo=(); [[ $EUID -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- 2. formatting, before anything slow ---------------------------------------
# The conventions in .editorconfig, checked the way `dotnet format` would fix them: whitespace over the files, code
# style over the solution (which needs a restore). A difference fails the run with the command that fixes it.
if ! $servers_only && [[ -z ${NOTIFYHUB_TEST_COMMAND:-} ]]; then
  say "checking formatting (dotnet format --verify-no-changes)"
  if ! dotnet format whitespace --folder --exclude '**/bin/**' '**/obj/**' --verify-no-changes \
    || ! dotnet format style NotifyHub.sln --verify-no-changes; then
    say "formatting differs from .editorconfig; fix it with: dotnet format whitespace --folder && dotnet format style NotifyHub.sln"
    echo "tests: format check failed"
    exit 1
  fi
fi

# --- 3. servers, always stopped on exit ---------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/notifyhub-test.XXXXXX")
rabbit_starting=
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # A RabbitMQ start still in progress would leave a node behind: let it finish.
  [[ -z $rabbit_starting ]] || wait "$rabbit_starting" 2>/dev/null || true
  for s in rabbitmq postgres smtp; do bash "$servers/$s.sh" stop "$tmp" || true; done
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT     # exit runs cleanup through the EXIT trap
trap 'exit 143' TERM

say "starting servers in $tmp"
# RabbitMQ is the slow one (~5 s): start it alongside the other two.
bash "$servers/rabbitmq.sh" start "$tmp" >/dev/null &
rabbit_starting=$!
bash "$servers/postgres.sh" start "$tmp" >/dev/null
bash "$servers/smtp.sh" start "$tmp" >/dev/null
wait "$rabbit_starting"; rabbit_starting=

chromium=$(command -v chromium || echo /usr/bin/chromium)
cat "$tmp"/{postgres,rabbitmq,smtp}.env >"$tmp/env"
echo "export NOTIFYHUB_TEST_CHROMIUM=$chromium" >>"$tmp/env"
# shellcheck source=/dev/null
source "$tmp/env"

if $servers_only; then
  cat "$tmp/env"
  say "servers are running; paste the lines above into another shell, then run dotnet test. Ctrl-C stops them."
  trap 'exit 0' INT
  while :; do sleep 3600; done
fi

# --- 4. build and test ---------------------------------------------------------
results=$tmp/results
mkdir -p "$results"
test_rc=0
if [[ -n ${NOTIFYHUB_TEST_COMMAND:-} ]]; then
  NOTIFYHUB_TEST_RESULTS=$results bash -c "$NOTIFYHUB_TEST_COMMAND" || test_rc=$?
else
  if ! dotnet build NotifyHub.sln -c Release; then
    say "build failed"
    echo "tests: build failed"
    exit 1
  fi
  # LogFilePrefix: one .trx per test project (a fixed name would be overwritten).
  # The hang timeout ends a stuck test host (e.g. waiting on a broker) instead of CI.
  dotnet test NotifyHub.sln -c Release --no-build --results-directory "$results" \
    --logger "trx;LogFilePrefix=notifyhub" --logger "console;verbosity=normal" \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    "$@" || test_rc=$?
fi

# --- 5. summary from the .trx files -------------------------------------------
counts=$(/usr/bin/python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
for trx in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    for r in ET.parse(trx).getroot().iter(ns + "UnitTestResult"):
        outcome = r.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive", "NotRunnable"):
            skipped += 1
        else:  # Failed, Error, Timeout, Aborted, ...
            failed += 1
            print(f"FAILED {r.get('testName')} ({outcome})", file=sys.stderr)
            # CI keeps only the tail of the log: say here why, briefly (the test's
            # own output lines, the assertion, the first frames).
            def text(path):
                node = r.find(path)
                return (node.text or "").strip() if node is not None else ""
            output = [l for l in text(f"{ns}Output/{ns}StdOut").splitlines() if not l.startswith(("info:", "dbug:", "      "))]
            for line in output[-8:]:
                print(f"  | {line[:300]}", file=sys.stderr)
            for line in text(f"{ns}Output/{ns}ErrorInfo/{ns}Message").splitlines()[:12]:
                print(f"  ! {line[:300]}", file=sys.stderr)
            for line in text(f"{ns}Output/{ns}ErrorInfo/{ns}StackTrace").splitlines()[:4]:
                print(f"  @ {line.strip()[:300]}", file=sys.stderr)
print(passed, failed, skipped)
PY
)
read -r passed failed skipped <<<"$counts"
echo "tests: $passed passed, $failed failed, $skipped skipped"

if ((test_rc != 0 || failed > 0)); then say "tests failed (dotnet test exit code $test_rc)"; exit 1; fi
if ((passed == 0)); then say "no test ran"; exit 1; fi

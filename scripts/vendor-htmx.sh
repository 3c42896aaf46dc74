#!/usr/bin/env bash
# Re-vendors htmx from the npm registry into shared/NotifyHub.Web/wwwroot (served by NotifyHub itself: no CDN).
#   scripts/vendor-htmx.sh [version]     default: the pinned version below
set -euo pipefail
version=${1:-2.0.11}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "htmx.org@$version" >/dev/null && tar xzf "htmx.org-$version.tgz")
cp "$tmp/package/dist/htmx.min.js" shared/NotifyHub.Web/wwwroot/htmx.min.js
cp "$tmp/package/LICENSE" shared/NotifyHub.Web/wwwroot/htmx.LICENSE.txt
sha256sum shared/NotifyHub.Web/wwwroot/htmx.min.js

#!/usr/bin/env bash
# Installs Roster as an administrator would: the tarball `npm pack` builds, into an empty folder, with
# production dependencies only (no compiler, no dev tools), then starts `roster serve` on an empty data
# directory and checks that it gets ready and serves the console. Needs a built checkout (npm ci builds it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

tarball=$(cd "$root" && npm pack --ignore-scripts --silent --pack-destination "$work" | tail -1)
echo "package: $tarball ($(du -k "$work/$tarball" | cut -f1) KiB)"
mkdir "$work/app"
cd "$work/app"
npm init -y >/dev/null
npm install --omit=dev --no-audit --no-fund --loglevel=error "$work/$tarball"
roster=./node_modules/.bin/roster
echo "roster --version: $("$roster" --version)"

port=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
ROSTER_DATA_DIR="$work/data" ROSTER_LOG_LEVEL=warn "$roster" serve --port "$port" >"$work/serve.log" 2>&1 &
pid=$!
if ! node - "$port" <<'JS'; then
const port = process.argv[2];
const deadline = Date.now() + 120_000;
for (;;) {
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
  if (ready) break;
  if (Date.now() > deadline) {
    console.error('roster serve did not get ready within 120 s');
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
const page = await fetch(`http://127.0.0.1:${port}/`);
const html = await page.text();
if (page.status !== 200 || !/<script[^>]+src="\/assets\//.test(html)) {
  console.error(`the console is not served: ${page.status} ${html.slice(0, 200)}`);
  process.exit(1);
}
console.log('roster serve: ready, console served');
JS
  cat "$work/serve.log"
  exit 1
fi
kill -TERM "$pid"
wait "$pid"
pid=
echo "roster serve: stopped cleanly on SIGTERM"

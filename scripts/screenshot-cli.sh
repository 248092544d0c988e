#!/usr/bin/env bash
# Renders a real ras-connect session (simulated server) to docs/screenshots/cli.png with
# Debian's Chromium: the README's picture of the CLI. Needs `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
home=$(mktemp -d)
session() {
  echo "\$ ras-connect \"Callback (you choose the number)\" alice secret --answer callback=555-0142 --hold 1"
  RAS_CONNECT_HOME="$home" RAS_CONNECT_SIM_SPEED=0.2 node bin/ras-connect.js "Callback (you choose the number)" alice secret --answer callback=555-0142 --hold 1 2>&1 || true
  echo
  echo "\$ ras-connect \"Busy line\" alice secret"
  RAS_CONNECT_HOME="$home" RAS_CONNECT_SIM_SPEED=0.2 node bin/ras-connect.js "Busy line" alice secret 2>&1 || true
}
text=$(session | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')
page="$home/cli.html"
cat > "$page" <<HTML
<!doctype html><meta charset="utf-8">
<body style="margin:0;background:#1e1e1e">
<pre style="margin:0;padding:16px 20px;color:#d4d4d4;font:14px/1.35 'DejaVu Sans Mono',monospace">$text</pre>
HTML
lines=$(printf '%s\n' "$text" | wc -l)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$home/profile" --hide-scrollbars \
  --window-size=1000,$((lines * 19 + 40)) --screenshot=docs/screenshots/cli.png "file://$page" 2>/dev/null
rm -rf "$home"
echo "wrote docs/screenshots/cli.png"

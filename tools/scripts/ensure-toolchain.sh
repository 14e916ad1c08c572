#!/usr/bin/env bash
# Sourced by the entry scripts: makes pnpm available and lets node-gyp build better-sqlite3
# against the installed Node headers (the machine has no route to nodejs.org).
# Sourced, so it sets no shell options: callers such as .ci/run must go on after a failing step
# to print their summary line.
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "12.4.2" ]; then
  npm i -g pnpm@12.4.2 >/dev/null
fi

#!/usr/bin/env bash
# README's first command: install what is missing, build, then replace this shell with the server
# process (exec), so SIGTERM/SIGINT sent to the command reach the server and it drains.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/scripts/ensure-toolchain.sh
pnpm install --frozen-lockfile
pnpm --filter @ticket/server build
cd apps/server
# The command is the package's start script (node, its flags, dist/main.js; see README: the heap
# ceiling), read from it so the two never differ, and run without pnpm in between.
read -ra start <<<"$(node -p "require('./package.json').scripts.start")"
exec "${start[@]}"

#!/usr/bin/env bash
# README's first command: install what is missing, build, then replace this shell with the server
# process (exec), so SIGTERM/SIGINT sent to the command reach the server and it drains.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/scripts/ensure-toolchain.sh
pnpm install --frozen-lockfile
pnpm --filter @ticket/server build
cd apps/server
# The flags are those of the package's start script (see README: the heap ceiling).
exec node --enable-source-maps --max-old-space-size=128 dist/main.js

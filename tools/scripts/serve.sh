#!/usr/bin/env bash
# README's first command: install what is missing, then start the server on embedded SQLite.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/scripts/ensure-toolchain.sh
pnpm install --frozen-lockfile
exec pnpm --filter @ticket/server start

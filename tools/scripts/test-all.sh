#!/usr/bin/env bash
# README's second command: install what is missing, run every package's tests, print the total.
set -uo pipefail
cd "$(dirname "$0")/../.."
source tools/scripts/ensure-toolchain.sh
pnpm install --frozen-lockfile
bash tools/scripts/ensure-chromium.sh
rm -f apps/*/.vitest/report.json packages/*/.vitest/report.json tools/*/.vitest/report.json
pnpm turbo run test --continue --output-logs=errors-only
status=$?
node tools/scripts/test-summary.mjs
exit $status

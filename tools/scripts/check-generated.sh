#!/usr/bin/env bash
# Drift gate: regenerate everything and fail when any generated file differs from what was there
# (a hand edit, or a schema change without `pnpm generate`) or a migration is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
generated=(packages/schema/generated packages/client/src/generated apps/server/src/db/*.gen.ts)
fingerprint() { find "${generated[@]}" -type f -print0 | sort -z | xargs -0 sha256sum; }

before=$(fingerprint)
pnpm turbo run generate --force --output-logs=errors-only >/dev/null
after=$(fingerprint)
if [ "$before" != "$after" ]; then
  diff <(echo "$before") <(echo "$after") >&2 || true
  echo "generated files differ from a fresh generation: run 'pnpm generate' and commit (never edit them by hand)" >&2
  exit 1
fi
for config in drizzle.sqlite.config.ts drizzle.pg.config.ts; do
  pnpm --filter @ticket/server exec drizzle-kit check --config "$config" >/dev/null
  out=$(pnpm --filter @ticket/server exec drizzle-kit generate --config "$config" 2>&1)
  if ! grep -q "No schema changes" <<<"$out"; then
    echo "$out" >&2
    git checkout -- apps/server/drizzle >/dev/null 2>&1 || true
    git clean -fdq apps/server/drizzle || true
    echo "the Drizzle schema changed without a migration: run 'pnpm db:migration <name>' and commit" >&2
    exit 1
  fi
done
if [ -n "$(git status --porcelain --untracked-files=all -- "${generated[@]}" apps/server/drizzle)" ]; then
  git status --short -- "${generated[@]}" apps/server/drizzle >&2
  echo "generated files are not committed: commit them" >&2
  exit 1
fi
echo "generated files are up to date"

#!/usr/bin/env bash
# Drift gate: regenerate everything and fail when the committed files differ.
set -euo pipefail
cd "$(dirname "$0")/../.."
pnpm turbo run generate --force --output-logs=errors-only
pnpm --filter @ticket/server exec drizzle-kit check --config drizzle.sqlite.config.ts
pnpm --filter @ticket/server exec drizzle-kit check --config drizzle.pg.config.ts
for config in drizzle.sqlite.config.ts drizzle.pg.config.ts; do
  out=$(pnpm --filter @ticket/server exec drizzle-kit generate --config "$config" 2>&1)
  if ! grep -q "No schema changes" <<<"$out"; then
    echo "$out" >&2
    echo "the Drizzle schema changed without a migration: run 'pnpm db:migration <name>' and commit" >&2
    git checkout -- apps/server/drizzle >/dev/null 2>&1 || true
    git clean -fdq apps/server/drizzle || true
    exit 1
  fi
done
if [ -n "$(git status --porcelain --untracked-files=all -- packages apps tools)" ]; then
  git status --short -- packages apps tools
  git --no-pager diff --stat -- packages apps tools
  echo "generated files are stale: run 'pnpm generate' and commit" >&2
  exit 1
fi
echo "generated files are up to date"

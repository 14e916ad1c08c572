#!/usr/bin/env bash
# Proves the drift gate works: a hand edit to each kind of generated file must make it fail.
set -uo pipefail
cd "$(dirname "$0")/../.."
# One file per generator: the OpenAPI emitter, openapi-typescript and the Drizzle emitter.
files=(
  packages/schema/generated/openapi.json
  packages/client/src/generated/api.d.ts
  apps/server/src/db/schema.pg.gen.ts
)
status=0
for file in "${files[@]}"; do
  cp "$file" "$file.orig"
  printf '\n// hand edit\n' >> "$file"
  if bash tools/scripts/check-generated.sh >/dev/null 2>&1; then
    echo "drift gate missed a hand edit to $file" >&2
    status=1
  else
    echo "drift gate caught a hand edit to $file"
  fi
  mv "$file.orig" "$file"
done
exit $status

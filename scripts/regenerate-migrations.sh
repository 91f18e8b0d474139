#!/usr/bin/env bash
# Until the first release, the schema lives in one Initial migration per dialect plus
# the trigger migration; this rebuilds them from the entities. After a release, add
# migrations with `pnpm --filter @comptoir/api migration:generate <Name>` instead.
set -euo pipefail
cd "$(dirname "$0")/../apps/api"
rm -f src/migrations/sqlite/*.ts src/migrations/mysql/*.ts
pnpm run build >/dev/null
node dist/scripts/migrations.js generate Initial
ts=$(ls src/migrations/sqlite | sed -E 's/^([0-9]+)-.*/\1/' | head -1)
node dist/scripts/write-trigger-migrations.js $((ts + 1))
pnpm run build >/dev/null
node dist/scripts/migrations.js check

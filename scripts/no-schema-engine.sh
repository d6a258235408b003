#!/bin/sh
# The Prisma CLI downloads a native schema engine that is unreachable offline; migrations run
# through the WASM engine instead (scripts/db.mjs).
echo "The native Prisma schema engine is not available offline; use: npm run db:migrate | db:deploy | db:check" >&2
exit 1

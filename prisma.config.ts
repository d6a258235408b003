import path from "node:path";
import { defineConfig } from "prisma/config";

// `prisma generate` never needs the schema engine, but the CLI checks for it; point it at a stub
// that explains the offline migration commands instead of downloading a native binary.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/no-schema-engine.sh");

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});

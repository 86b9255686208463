import { defineConfig } from 'drizzle-kit';

// Central's migrations (PostgreSQL, also run on PGlite): `npx drizzle-kit generate --config drizzle.server.config.ts --name <what>`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src-server/db/schema.ts',
  out: './src-server/db/migrations',
});

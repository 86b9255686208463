import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes numbered migrations; they are reviewed and never edited once released.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/db/schema.ts',
  out: './src-main/db/migrations',
});

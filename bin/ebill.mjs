#!/usr/bin/env node
// The `ebill` command (package.json bin and `npm run -s ebill -- …`).
// In a checkout it runs the TypeScript sources through tsx; an installed app ships the built file.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/entry.js', import.meta.url));
const source = fileURLToPath(new URL('../src-main/cli/entry.ts', import.meta.url));

if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(built).href);
}

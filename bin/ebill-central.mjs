#!/usr/bin/env node
// The `ebill-central` command (package.json bin and `npm run -s ebill-central -- …`).
// In a checkout it runs the TypeScript sources through tsx; an installed server ships the built file.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/server/entry.js', import.meta.url));
const source = fileURLToPath(new URL('../src-server/entry.ts', import.meta.url));

if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(pathToFileURL(built).href);
}

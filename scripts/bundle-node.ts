// Bundles the three plain-Node programs into single ES modules, each beside its own migrations:
//   out/cli/entry.js     ← src-main/cli/entry.ts     (`ebill`; bin/ebill.mjs runs it when the sources are absent)
//   out/server/entry.js  ← src-server/entry.ts       (`ebill-central`)
//   out/web/main.js      ← src-main/web/main.ts      (the browser shell)
// Packages stay external (better-sqlite3 is native; node_modules resolves from out/ as from the
// sources). The test suite runs this once per run (tests/global-setup.ts): a spawn of the bundle
// starts in a fraction of the 2 s that tsx spends compiling hundreds of modules on every spawn.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const NODE_BUNDLES: readonly { readonly entry: string; readonly out: string; readonly migrations: string }[] = [
  { entry: 'src-main/cli/entry.ts', out: 'out/cli/entry.js', migrations: 'src-main/db/migrations' },
  { entry: 'src-server/entry.ts', out: 'out/server/entry.js', migrations: 'src-server/db/migrations' },
  { entry: 'src-main/web/main.ts', out: 'out/web/main.js', migrations: 'src-main/db/migrations' },
];

/** Builds every bundle; returns the absolute path of each output, keyed by its entry. */
export async function bundleNodePrograms(): Promise<Record<string, string>> {
  const outputs: Record<string, string> = {};
  await Promise.all(
    NODE_BUNDLES.map(async (bundle) => {
      const outfile = join(ROOT, bundle.out);
      const outDir = dirname(outfile);
      mkdirSync(outDir, { recursive: true });
      await build({
        entryPoints: [join(ROOT, bundle.entry)],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        sourcemap: 'linked',
        logLevel: 'warning',
        // Bundled code keeps each module's import.meta.url = the bundle's: migrations sit beside it.
      });
      const migrationsOut = join(outDir, 'migrations');
      rmSync(migrationsOut, { recursive: true, force: true });
      cpSync(join(ROOT, bundle.migrations), migrationsOut, { recursive: true });
      outputs[bundle.entry] = outfile;
    }),
  );
  return outputs;
}

// Run by hand: npx tsx scripts/bundle-node.ts
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outputs = await bundleNodePrograms();
  for (const file of Object.values(outputs)) process.stdout.write(`${file}\n`);
}

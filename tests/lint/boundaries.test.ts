import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The process boundaries of design.md are enforced by eslint.config.js: each fixture is linted with
 * the project's real config as if it were a file in the named folder.
 */
const root = join(import.meta.dirname, '..', '..');
const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', `${name}.ts`), 'utf8');

let eslint: ESLint;
beforeAll(() => {
  // The project's own config, with only the boundary rule run: fixtures are virtual files, outside
  // any tsconfig, so the type-aware parser settings are switched off for them.
  eslint = new ESLint({
    cwd: root,
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  });
});

async function restrictedImportMessages(fixtureName: string, virtualPath: string): Promise<string[]> {
  const [result] = await eslint.lintText(fixture(fixtureName), { filePath: join(root, virtualPath) });
  const fatal = result?.messages.find((m) => m.fatal === true);
  if (fatal !== undefined) throw new Error(fatal.message);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('forbidden imports are lint errors', () => {
  const forbidden: [string, string, RegExp][] = [
    ['imports-node-fs', 'src-shared/money/lint-fixture.ts', /src-shared is pure/],
    ['imports-bare-fs', 'src-shared/money/lint-fixture.ts', /src-shared is pure/],
    ['imports-electron', 'src-shared/lint-fixture.ts', /Only src-main\/app may import electron/],
    ['imports-better-sqlite3', 'src-shared/lint-fixture.ts', /Database code/],
    ['imports-drizzle', 'src-shared/lint-fixture.ts', /Database code/],
    ['imports-react-dom', 'src-shared/lint-fixture.ts', /no DOM/],
    ['imports-src-main', 'src-renderer/screens/lint-fixture.ts', /may not import src-main/],
    ['imports-node-fs', 'src-renderer/lint-fixture.ts', /renderer is sandboxed/],
    ['imports-electron', 'src-renderer/lint-fixture.ts', /Only src-main\/app may import electron/],
    ['imports-src-renderer', 'src-main/users/lint-fixture.ts', /may not import src-renderer/],
    ['imports-electron', 'src-main/users/lint-fixture.ts', /Only src-main\/app may import electron/],
    ['imports-electron', 'src-main/web/lint-fixture.ts', /Only src-main\/app may import electron/],
    ['imports-electron', 'src-server/lint-fixture.ts', /Only src-main\/app may import electron/],
    ['imports-src-main', 'src-server/lint-fixture.ts', /may not import src-main/],
    ['imports-electron', 'tests/lint-fixture.ts', /Only src-main\/app may import electron/],
  ];
  it.each(forbidden)('%s in %s', async (name, path, expected) => {
    const messages = await restrictedImportMessages(name, path);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(expected);
  });
});

describe('allowed imports pass', () => {
  const allowed: [string, string][] = [
    ['imports-electron', 'src-main/app/lint-fixture.ts'],
    ['imports-zod', 'src-shared/lint-fixture.ts'],
    ['imports-node-fs', 'src-main/users/lint-fixture.ts'],
    ['imports-better-sqlite3', 'src-main/db/lint-fixture.ts'],
  ];
  it.each(allowed)('%s in %s', async (name, path) => {
    expect(await restrictedImportMessages(name, path)).toEqual([]);
  });
});

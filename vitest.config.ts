import { defineConfig } from 'vitest/config';

// One suite for everything: unit tests beside the code, integration / e2e / lint tests in tests/.
export default defineConfig({
  test: {
    include: ['src-*/**/*.test.ts', 'src-*/**/*.test.tsx', 'tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'out/**', 'tests/lint/fixtures/**'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    typecheck: { enabled: true, include: ['**/*.test-d.ts'], tsconfig: './tsconfig.tests.json' },
    coverage: {
      provider: 'v8',
      include: ['src-shared/**/*.ts', 'src-main/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.test-d.ts', 'src-main/app/**', 'src-main/db/migrations/**'],
      reporter: ['text-summary', 'json-summary'],
    },
  },
});

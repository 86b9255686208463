import { bundleNodePrograms } from '../scripts/bundle-node';

/**
 * Once per test run, before any worker starts: bundle `ebill`, `ebill-central` and the browser shell
 * from the current sources (scripts/bundle-node.ts, about a second). Tests spawn those bundles
 * (tests/helpers/cli.ts BUNDLED); one test still runs bin/ebill.mjs through tsx.
 */
export default async function setup(): Promise<void> {
  await bundleNodePrograms();
}

import { runCli } from './main';

// The `ebill` program (bin/ebill.mjs runs this file).
process.exitCode = await runCli(process.argv.slice(2));

import { runCentralCli } from './cli';

process.exitCode = await runCentralCli(process.argv.slice(2));

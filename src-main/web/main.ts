import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createOfficeHost } from '../host/office-host';
import { findAppRoot, readAppVersion } from '../platform/app-version';
import { systemClock } from '../platform/clock';
import { createFileLogger } from '../platform/logger';
import { machineId } from '../platform/machine-id';
import { dataPaths, resolveDataDir } from '../platform/paths';
import { createWebShell, listenOnLoopback } from './server';

/** `npm run start:web [-- --data-dir DIR] [-- --port N]`: prints EBILL_WEB_URL=… once it listens. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } }, strict: true });
  const dataDir = resolveDataDir(values['data-dir']);
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0–65535, got ${values.port ?? ''}`);
  const rendererDir = join(findAppRoot() ?? process.cwd(), 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`the renderer is not built (${rendererDir}): run npm run build:renderer`);

  const paths = dataPaths(dataDir);
  const logger = createFileLogger({ logDir: paths.logDir, fileName: 'web', echoToStderr: true });
  const host = createOfficeHost({ dataDir, clock: systemClock, logger, machineId: machineId(paths.machineIdFile), appVersion: readAppVersion(), backgroundSync: {} });
  const token = randomBytes(24).toString('base64url');
  const server = createWebShell({ host, rendererDir, token });
  const actualPort = await listenOnLoopback(server, port);
  logger.info('web shell listening', { port: actualPort, dataDir });
  process.stdout.write(`EBILL_WEB_URL=http://127.0.0.1:${actualPort}/?token=${token}\n`);

  const stop = (): void => {
    server.closeAllConnections();
    server.close(() => {
      host.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`ebill web shell: ${(error as Error).message}\n`);
  process.exit(1);
});

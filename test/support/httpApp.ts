import type { AddressInfo } from 'node:net';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';

/** The real HTTP app on a free loopback port. */
export async function startApp(env: Record<string, string> = {}): Promise<{ app: App; url: string; stop: () => Promise<void> }> {
  const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: ':memory:', ...env }), createLogger('silent'));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, stop: () => app.close() };
}

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

export interface SayOptions {
  conversation: string;
  from?: string;
  locale?: string;
  serviceUrl?: string;
}

/** A person's message to `/api/messages` with `deliveryMode: expectReplies`; resolves to the HTTP answer. */
export function sayTo(url: string, text: string, o: SayOptions): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', deliveryMode: 'expectReplies', channelId: 'emulator', serviceUrl: o.serviceUrl ?? 'http://localhost', locale: o.locale,
      conversation: { id: o.conversation }, from: { id: o.from ?? o.conversation }, recipient: { id: 'bot' }, text,
    }),
  });
}

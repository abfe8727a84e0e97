import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts the real bot process (`src/index.ts`) with the given environment. */
function startBot(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: { PATH: process.env.PATH, DATA_DIR: ':memory:', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('the bot process', function () {
  this.timeout(60_000);

  it('refuses to start in production without Bot Framework credentials', async () => {
    const bot = startBot({ NODE_ENV: 'production', PORT: String(await freePort()) });
    assert.equal(await bot.exited, 1);
    assert.match(bot.output(), /requires Bot Framework credentials/);
  });

  it('starts in production without credentials only with the explicit override, and says so loudly', async () => {
    const port = await freePort();
    const bot = startBot({ NODE_ENV: 'production', PORT: String(port), ALLOW_UNAUTHENTICATED_IN_PRODUCTION: 'true' });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 'readiness');
      assert.match(bot.output(), /"level":40.*WITHOUT Bot Framework credentials/);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it('on SIGTERM turns readiness off, finishes the turn in flight, then exits', async () => {
    // A connector that takes 1.5 s to accept the reply keeps the turn in flight.
    const received: string[] = [];
    const connector = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () =>
        setTimeout(() => {
          received.push(body);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id":"1"}');
        }, 1500),
      );
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    const connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
    const port = await freePort();
    const bot = startBot({ PORT: String(port) });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 'readiness');
      const turn = fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message', channelId: 'emulator', serviceUrl: connectorUrl, conversation: { id: 'sigterm' },
          from: { id: 'u' }, recipient: { id: 'bot' }, text: 'how many internal migrants are there',
        }),
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      bot.child.kill('SIGTERM');
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 503)) === 503, 'readiness off', 50);
      assert.equal((await turn).status, 200, 'the turn in flight finished');
      assert.equal(await bot.exited, 0);
      assert.match(received.join(''), /740 million/);
    } finally {
      bot.child.kill('SIGKILL');
      connector.close();
    }
  });
  it('under `npm start` (the README command), SIGTERM reaches the bot: it shuts down instead of living on', async function () {
    this.timeout(120_000); // `npm start` compiles first
    const port = await freePort();
    let output = '';
    const npm = spawn('npm', ['start'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATA_DIR: ':memory:', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so a failed run can still clean up everything it started
    });
    npm.stdout?.on('data', (c) => (output += c));
    npm.stderr?.on('data', (c) => (output += c));
    const exited = new Promise((resolve) => npm.on('exit', resolve));
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 'readiness', 1000);
      npm.kill('SIGTERM');
      await exited;
      await waitFor(() => /"msg":"stopped"/.test(output), 'the bot to log that it stopped', 50);
      assert.equal(await fetch(`http://127.0.0.1:${port}/readyz`).then(() => 'still answering', () => 'gone'), 'gone');
    } finally {
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
});

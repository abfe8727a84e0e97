import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CONCURRENCY = 16;
const WARMUP_MS = 2000;
/** Measured windows per server, alternating between the two. */
const ROUNDS = 3;
const WINDOW_MS = 3000;
/** People do not send 20 messages in 10 s: each simulated person moves on to a new conversation before the flood limit. */
const MESSAGES_PER_CONVERSATION = 15;
const QUESTIONS = [
  'how many international migrants are there?',
  'combien de migrants internes y a-t-il dans le monde',
  '¿qué hace la OIM por la salud de los migrantes?',
  'why cant i see a doctor here',
  'what are the four priorities',
  "what's the weather tomorrow",
  'menu',
  '1',
];

export interface LoadResult {
  name: string;
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  rssMb: number;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Node's flags in `npm start` (the heap limit), so the bot runs here as in production. */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  return /\bnode ((?:--\S+ )*)dist\/index\.js/.exec(scripts.start)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function start(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...args, String(port)], {
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${args.join(' ')} did not become ready`);
}

interface Window {
  latencies: number[];
  errors: number;
  seconds: number;
}

/** Drives one server for `ms` with CONCURRENCY simulated people sending expectReplies messages. */
async function drive(name: string, url: string, ms: number, round: number): Promise<Window> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = Date.now() + ms;
  const person = async (n: number) => {
    for (let i = 0; Date.now() < deadline; i++) {
      const conversation = `load-${name}-${round}-${n}-${Math.floor(i / MESSAGES_PER_CONVERSATION)}`;
      const body = JSON.stringify({
        type: 'message', deliveryMode: 'expectReplies', channelId: 'emulator', serviceUrl: 'http://localhost',
        conversation: { id: conversation }, from: { id: `person-${n}` }, recipient: { id: 'bot' }, text: QUESTIONS[i % QUESTIONS.length],
      });
      const t0 = performance.now();
      try {
        const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const json = (await res.json()) as { activities?: unknown[] };
        if (!res.ok || !json.activities?.length) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, n) => person(n)));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function summarise(name: string, windows: Window[], pid: number): LoadResult {
  const latencies = windows.flatMap((w) => w.latencies).sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const seconds = windows.reduce((sum, w) => sum + w.seconds, 0);
  return {
    name,
    turns: latencies.length,
    turnsPerSecond: latencies.length / seconds,
    p50Ms: q(0.5),
    p99Ms: q(0.99),
    errors: windows.reduce((sum, w) => sum + w.errors, 0),
    rssMb: rssMb(pid),
  };
}

/**
 * Runs the echo bot and the real bot side by side, each as plain JavaScript in its own process (as in
 * production: `npm start` runs the build), and measures them in alternating windows — echo, bot, echo,
 * bot … — so that whatever else the machine does weighs on both alike. The throughput ratio is the
 * median of the per-round ratios.
 */
export async function runLoadBench(log: (line: string) => void = console.log): Promise<LoadResult[]> {
  execSync('npm run build --silent', { stdio: 'ignore' });
  const servers = [
    { name: 'echo bot', ...(await start(['bench/echoBot.js'], {})) },
    // A real SQLite file, as `npm start` uses (an in-memory database would grow with every conversation).
    { name: 'migration-health bot', ...(await start([...startFlags(), 'dist/index.js'], { LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-data-')) })) },
  ];
  try {
    for (const s of servers) await drive(s.name, s.url, WARMUP_MS, -1);
    const windows: Window[][] = servers.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, s] of servers.entries()) windows[i]!.push(await drive(s.name, s.url, WINDOW_MS, round));
    }
    const results = servers.map((s, i) => summarise(s.name, windows[i]!, s.child.pid ?? 0));
    for (const r of results) {
      log(`load [${r.name}] ${CONCURRENCY} conversations: ${r.turnsPerSecond.toFixed(0)} turns/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, errors ${r.errors}, RSS ${r.rssMb.toFixed(0)} MB`);
    }
    const [echo, bot] = results as [LoadResult, LoadResult];
    const rounds = windows[0]!.map((w, i) => windows[1]![i]!.latencies.length / windows[1]![i]!.seconds / (w.latencies.length / w.seconds));
    const ratio = median(rounds);
    const p99Ratio = bot.p99Ms / echo.p99Ms;
    const met = ratio >= 0.6 && p99Ratio <= 2 && bot.errors === 0 && bot.rssMb <= 300;
    log(`load rounds (bot/echo throughput): ${rounds.map((r) => r.toFixed(2)).join(', ')}`);
    log(`load targets (throughput ≥ 0.6× echo, p99 ≤ 2× echo, 0 errors, RSS ≤ 300 MB): throughput ${ratio.toFixed(2)}×, p99 ${p99Ratio.toFixed(2)}×, errors ${bot.errors}, RSS ${bot.rssMb.toFixed(0)} MB: ${met ? 'met' : 'MISSED'}`);
    return results;
  } finally {
    for (const s of servers) s.child.kill('SIGKILL');
  }
}

if (require.main === module) void runLoadBench();

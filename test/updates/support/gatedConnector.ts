import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Held {
  conversation: string;
  text: string;
  res: ServerResponse;
  gone: boolean;
}

/**
 * A Bot Framework channel connector that can stop answering. A message counts as delivered when the
 * connector acknowledges it (HTTP 200); a held request whose sender dies is never acknowledged, so
 * it was never delivered — as with a real connector that did not get the whole exchange.
 */
export async function gatedConnector() {
  /** Acknowledged messages: conversation id → texts. */
  const delivered = new Map<string, string[]>();
  const held: Held[] = [];
  let acknowledged = 0;
  let limit = Infinity;
  let failures: number[] = [];
  /** Every request received, answered or not. */
  let requests = 0;

  const acknowledge = (h: Omit<Held, 'gone'>) => {
    acknowledged++;
    delivered.set(h.conversation, [...(delivered.get(h.conversation) ?? []), h.text]);
    h.res.writeHead(200, { 'content-type': 'application/json' });
    h.res.end(JSON.stringify({ id: String(acknowledged) }));
  };

  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const conversation = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1] ?? '';
      const text = String(JSON.parse(raw || '{}').text ?? '');
      requests++;
      const failure = failures.shift();
      if (failure) {
        res.writeHead(failure, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"Failed","message":"scripted failure"}}');
        return;
      }
      if (acknowledged < limit) return acknowledge({ conversation, text, res });
      const h: Held = { conversation, text, res, gone: false };
      res.on('close', () => (h.gone = !res.writableEnded));
      held.push(h);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delivered,
    acknowledged: () => acknowledged,
    requests: () => requests,
    /** Answers the next requests with these HTTP statuses, in order. */
    fail(...statuses: number[]) {
      failures = statuses;
    },
    /** Requests waiting for an answer from senders still alive. */
    waiting: () => held.filter((h) => !h.gone).length,
    /** Acknowledges up to `n` messages in all, then holds every further request. */
    holdAfter(n: number) {
      limit = n;
    },
    /** Answers what is held (if its sender is still there) and everything from now on. */
    release() {
      limit = Infinity;
      for (const h of held.splice(0)) if (!h.gone) acknowledge(h);
    },
    close: () => server.close(),
  };
}

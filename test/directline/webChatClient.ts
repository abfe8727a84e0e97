import WebSocket from 'ws';

/** What Web Chat sees of one activity. */
export interface SeenActivity {
  id?: string;
  type?: string;
  text?: string;
  from?: { id?: string; role?: string };
  attachments?: unknown[];
}

/** A Direct Line request as Web Chat makes it: JSON body (POST) or none (GET), the token as bearer. */
export function directLineCall(base: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/v3/directline${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * A person in the web chat, doing what Web Chat does over Direct Line: get a token, start, post,
 * and read replies by polling or over the `streamUrl` WebSocket. Reads like a chat:
 *   const ana = await WebChatUser.start(url, 'es-ES');
 *   await ana.say('¿Qué es la OIM?');
 *   await ana.polled(/OIM/);
 */
export class WebChatUser {
  /** Everything received over the socket, in order. */
  readonly streamed: SeenActivity[] = [];
  watermark = 0;
  private socket?: WebSocket;

  private constructor(
    public base: string,
    readonly conversationId: string,
    public token: string,
    public streamUrl: string | undefined,
  ) {}

  /** Token, then start (the bot says hello). Throws with the status when refused. */
  static async start(base: string, locale = 'en-US', headers: Record<string, string> = {}): Promise<WebChatUser> {
    const generated = await directLineCall(base, '/tokens/generate', undefined, { locale }, headers);
    if (generated.status !== 200) throw new Error(`tokens/generate answered ${generated.status}`);
    const session = (await generated.json()) as { conversationId: string; token: string };
    const started = await directLineCall(base, '/conversations', session.token, {}, headers);
    if (started.status !== 201) throw new Error(`start answered ${started.status}`);
    const body = (await started.json()) as { streamUrl?: string };
    return new WebChatUser(base, session.conversationId, session.token, body.streamUrl);
  }

  call(path: string, body?: unknown): Promise<Response> {
    return directLineCall(this.base, path, this.token, body);
  }

  /** Posts a message; resolves to the HTTP status. */
  async say(text: string): Promise<number> {
    const res = await this.call(`/conversations/${this.conversationId}/activities`, { type: 'message', text, from: { id: 'me' } });
    await res.arrayBuffer();
    return res.status;
  }

  /** One poll from the current watermark: the bot's texts (and the person's own echo). */
  async poll(): Promise<{ status: number; activities: SeenActivity[] }> {
    const res = await this.call(`/conversations/${this.conversationId}/activities?watermark=${this.watermark}`);
    if (res.status !== 200) return { status: res.status, activities: [] };
    const page = (await res.json()) as { activities: SeenActivity[]; watermark: string };
    this.watermark = Number(page.watermark);
    return { status: 200, activities: page.activities };
  }

  /** Reconnects as Web Chat does after a dropped socket: a new streamUrl from the current watermark. */
  async reconnect(): Promise<number> {
    const res = await this.call(`/conversations/${this.conversationId}?watermark=${this.watermark}`);
    if (res.status === 200) this.streamUrl = ((await res.json()) as { streamUrl?: string }).streamUrl;
    return res.status;
  }

  /** Opens the socket; activities pushed on it land in `streamed` and move the watermark. */
  async listen(): Promise<void> {
    if (!this.streamUrl) throw new Error('no streamUrl');
    const socket = new WebSocket(this.streamUrl);
    socket.on('message', (data) => {
      const text = String(data);
      if (!text) return;
      const group = JSON.parse(text) as { activities: SeenActivity[]; watermark: string };
      this.streamed.push(...group.activities);
      this.watermark = Number(group.watermark);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) => reject(new Error(`stream answered ${res.statusCode}`)));
      socket.once('error', reject);
    });
    this.socket = socket;
  }

  /** Resolves once the socket closes (the server went away), with the close code. */
  closed(): Promise<number> {
    const socket = this.socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return Promise.resolve(1006);
    return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
  }

  hangUp(): void {
    this.socket?.terminate();
  }

  /** Waits until a streamed bot message matches. */
  async streamedReply(pattern: RegExp, timeoutMs = 10_000): Promise<SeenActivity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.streamed.find((a) => a.from?.role === 'bot' && pattern.test(textOf(a)));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no streamed reply matching ${pattern}; got ${this.streamed.length} activities`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Polls (as Web Chat without a socket) until a bot message matches. */
  async polled(pattern: RegExp, timeoutMs = 10_000): Promise<SeenActivity> {
    const deadline = Date.now() + timeoutMs;
    const seen: SeenActivity[] = [];
    for (;;) {
      const { status, activities } = await this.poll();
      if (status !== 200) throw new Error(`poll answered ${status}`);
      seen.push(...activities);
      const found = seen.find((a) => a.from?.role === 'bot' && pattern.test(textOf(a)));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no polled reply matching ${pattern}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** A message's text and card content, for assertions. */
export function textOf(activity: SeenActivity): string {
  return [activity.text ?? '', ...(activity.attachments ?? []).map((a) => JSON.stringify(a))].join('\n');
}

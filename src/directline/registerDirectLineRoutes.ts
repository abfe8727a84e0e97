import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../config';
import type { AddressLimiter } from './AddressLimiter';
import { type ConversationCapacity, FULL_RETRY_AFTER_SECONDS } from './ConversationCapacity';
import type { DirectLineConversation, DirectLineStore } from './DirectLineStore';
import { parseUserActivity } from './parseUserActivity';
import type { ProxyTrust } from './ProxyTrust';

/** What the routes work with; built by `registerDirectLine`. */
export interface DirectLineRouteDeps {
  config: Readonly<Config>;
  store: DirectLineStore;
  capacity: ConversationCapacity;
  /** New conversations per client address. */
  tokenLimiter: AddressLimiter;
  /** Conversation starts per client address. */
  startLimiter: AddressLimiter;
  trust: ProxyTrust;
  /** Runs one of the person's activities through the bot (replies are appended by the adapter). */
  run: (conversation: DirectLineConversation, activity: Partial<Activity>) => Promise<void>;
  /** False: no `streamUrl` is offered and Web Chat polls. */
  streaming: boolean;
}

const bearer = (req: Request) => /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
const watermarkOf = (req: Request) => {
  const n = Number.parseInt(String(req.query?.watermark ?? '0'), 10);
  return Number.isFinite(n) && n >= 0 ? n : 0;
};

function fail(res: Response, status: number, code: string, message: string, retryAfter?: number): void {
  if (retryAfter !== undefined) res.header('Retry-After', String(retryAfter));
  res.send(status, { error: { code, message } });
}

/** The Direct Line 3.0 routes Web Chat uses, on the shared store. */
export function registerDirectLineRoutes(server: Server, deps: DirectLineRouteDeps): void {
  const { store } = deps;

  const authorised = async (req: Request, res: Response, id?: string): Promise<DirectLineConversation | undefined> => {
    const token = bearer(req);
    const conversation = token ? await store.byToken(token) : undefined;
    if (!conversation) return void fail(res, 401, 'TokenExpired', 'Missing, invalid or expired token.');
    if (id !== undefined && id !== conversation.id) return void fail(res, 403, 'BadArgument', 'This token is for another conversation.');
    return conversation;
  };

  /** A fresh `streamUrl` on the host the page used, with a short-lived token of its own (URLs end up in logs). */
  const streamUrl = async (req: Request, id: string, watermark: number) => {
    if (!deps.streaming) return undefined;
    const secure = deps.trust.protocol(req) === 'https' || (deps.config.PUBLIC_URL?.startsWith('https:') ?? false);
    const host = /^[a-z0-9.\-:[\]]{1,255}$/i.test(req.headers.host ?? '') ? req.headers.host : 'localhost';
    const t = await store.streamToken(id);
    return `${secure ? 'wss' : 'ws'}://${host}/v3/directline/conversations/${encodeURIComponent(id)}/stream?watermark=${watermark}&t=${t}`;
  };

  const describe = async (req: Request, c: DirectLineConversation, token: string | undefined, tokenExpires = c.tokenExpires) => ({
    conversationId: c.id,
    ...(token && { token }),
    expires_in: Math.max(0, Math.round((tokenExpires - Date.now()) / 1000)),
    ...(token && { streamUrl: await streamUrl(req, c.id, watermarkOf(req)) }),
  });

  /** 429 when this address has made too many; the limiter counts the request either way. */
  const limited = async (limiter: AddressLimiter, req: Request, res: Response, what: string): Promise<boolean> => {
    const wait = await limiter.take(deps.trust.clientAddress(req));
    if (wait !== undefined) fail(res, 429, 'TooManyRequests', `Too many ${what} from this address; try again in ${wait} seconds.`, wait);
    return wait !== undefined;
  };

  server.post('/v3/directline/tokens/generate', async (req, res) => {
    if (await limited(deps.tokenLimiter, req, res, 'new conversations')) return;
    if (!(await deps.capacity.admit())) {
      return fail(res, 503, 'ServiceUnavailable', 'The web chat is busy; conversations already open go on. Try again shortly.', FULL_RETRY_AFTER_SECONDS);
    }
    const locale = typeof req.body?.locale === 'string' ? req.body.locale.slice(0, 20) : undefined;
    const { conversation, token } = await store.create(locale);
    res.send(200, { conversationId: conversation.id, token, expires_in: Math.round((conversation.tokenExpires - Date.now()) / 1000) });
  });

  server.post('/v3/directline/tokens/refresh', async (req, res) => {
    const conversation = await authorised(req, res);
    if (!conversation) return;
    const { token, tokenExpires } = await store.refresh(conversation.id);
    res.send(200, { conversationId: conversation.id, token, expires_in: Math.round((tokenExpires - Date.now()) / 1000) });
  });

  server.post('/v3/directline/conversations', async (req, res) => {
    if (await limited(deps.startLimiter, req, res, 'conversation starts')) return;
    const conversation = await authorised(req, res);
    if (!conversation) return;
    if (await store.markStarted(conversation.id)) {
      const user = { id: `dl-${conversation.id}`, role: 'user', name: 'You' };
      await deps.run(conversation, { type: 'conversationUpdate', from: user, membersAdded: [user] });
    }
    // Direct Line clients keep using the token the start answer carries.
    res.send(201, await describe(req, conversation, bearer(req)));
  });

  // Reconnecting (Web Chat after a dropped socket): the same token, a new streamUrl from the watermark.
  server.get('/v3/directline/conversations/:id', async (req, res) => {
    const conversation = await authorised(req, res, req.params.id);
    if (conversation) res.send(200, await describe(req, conversation, bearer(req)));
  });

  server.post('/v3/directline/conversations/:id/activities', async (req, res) => {
    const conversation = await authorised(req, res, req.params.id);
    if (!conversation) return;
    const parsed = parseUserActivity(req.body, conversation.id);
    if ('error' in parsed) return fail(res, 400, 'BadArgument', parsed.error);
    const [id] = (await store.append(conversation.id, [parsed.activity])) ?? [];
    if (id === undefined) return fail(res, 404, 'NotFound', 'This conversation has ended.');
    await deps.run(conversation, { ...parsed.activity, id });
    res.send(200, { id });
  });

  server.get('/v3/directline/conversations/:id/activities', async (req, res) => {
    const conversation = await authorised(req, res, req.params.id);
    if (!conversation) return;
    const page = await store.since(conversation.id, watermarkOf(req));
    if (!page) return fail(res, 404, 'NotFound', 'This conversation has ended.');
    res.send(200, { activities: page.activities, watermark: String(page.watermark) });
  });
}

import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/BotServices';
import type { BotApp } from '../bot/createBot';
import { InProcessAdapter } from '../bot/InProcessAdapter';
import { NotDeliverableError, type Proactive } from '../bot/Proactive';
import { wireAdapter } from '../bot/wireAdapter';
import type { InFlight } from '../http/InFlight';
import { errorSummary } from '../log';
import { type DirectLineConversation, DirectLineStore, TOKEN_TTL_SECONDS } from './DirectLineStore';

export const DIRECT_LINE_CHANNEL_ID = 'directline';
const BOT = { id: 'migration-health-bot', name: 'IOM', role: 'bot' } as const;
const MAX_TEXT = 8000;

export interface DirectLineDeps {
  app: BotApp;
  services: BotServices;
  proactive: Proactive;
  inFlight: InFlight;
  store?: DirectLineStore;
}

/**
 * A Direct Line 3.0–compatible endpoint inside the bot (polling; Web Chat with `webSocket: false`),
 * so the web chat page needs no Azure. Activities run through an `InProcessAdapter` with the same
 * middleware and bot as `/api/messages`; replies are appended to the conversation for polling.
 */
export function registerDirectLine(server: Server, deps: DirectLineDeps): DirectLineStore {
  const store = deps.store ?? new DirectLineStore();
  const { logger } = deps.services;
  const adapter = wireAdapter(
    new InProcessAdapter(async (activities, reference) => {
      const conversation = store.get(reference.conversation?.id ?? '');
      // Said, not dropped: a staff reply or an update to a conversation that has ended is reported as not delivered.
      if (!conversation) throw new NotDeliverableError('The web chat conversation has ended (the page was closed, or it was idle too long).');
      store.append(conversation, activities.map((a) => ({ ...a, from: BOT })));
    }),
    deps.app,
    deps.services,
  );
  deps.proactive.register(DIRECT_LINE_CHANNEL_ID, adapter);

  const run = async (conversation: DirectLineConversation, activity: Partial<Activity>) => {
    deps.inFlight.begin();
    try {
      await adapter.processActivity(
        {
          ...activity,
          channelId: DIRECT_LINE_CHANNEL_ID,
          serviceUrl: 'http://localhost/directline',
          conversation: { id: conversation.id } as Activity['conversation'],
          recipient: BOT,
          locale: activity.locale ?? conversation.locale,
        },
        (ctx) => deps.app.bot.run(ctx),
      );
    } catch (err) {
      logger.error({ err: errorSummary(err) }, 'direct line turn failed');
    } finally {
      deps.inFlight.end();
    }
  };

  const bearer = (req: Request) => /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
  const authorised = (req: Request, res: Response, id?: string): DirectLineConversation | undefined => {
    const token = bearer(req);
    const conversation = token ? store.byToken(token) : undefined;
    if (!conversation) {
      res.send(401, { error: { code: 'TokenExpired', message: 'Missing, invalid or expired token.' } });
      return undefined;
    }
    if (id !== undefined && id !== conversation.id) {
      res.send(403, { error: { code: 'BadArgument', message: 'This token is for another conversation.' } });
      return undefined;
    }
    return conversation;
  };

  const describe = (c: DirectLineConversation, token?: string) => ({
    conversationId: c.id,
    ...(token && { token }),
    expires_in: Math.max(0, Math.round((c.tokenExpires - Date.now()) / 1000)),
  });

  server.post('/v3/directline/tokens/generate', async (req, res) => {
    const locale = typeof req.body?.locale === 'string' ? req.body.locale.slice(0, 20) : undefined;
    const { conversation, token } = store.create(locale);
    res.send(200, { ...describe(conversation, token), expires_in: TOKEN_TTL_SECONDS });
  });

  server.post('/v3/directline/tokens/refresh', async (req, res) => {
    const conversation = authorised(req, res);
    if (conversation) res.send(200, describe(conversation, store.refresh(conversation)));
  });

  server.post('/v3/directline/conversations', async (req, res) => {
    const conversation = authorised(req, res);
    if (!conversation) return;
    if (!conversation.started) {
      conversation.started = true;
      const user = { id: `dl-${conversation.id}`, role: 'user' as const, name: 'You' };
      await run(conversation, { type: 'conversationUpdate', from: user, membersAdded: [user] });
    }
    // Direct Line clients keep using the token the start answer carries.
    res.send(201, describe(conversation, bearer(req)));
  });

  server.get('/v3/directline/conversations/:id', async (req, res) => {
    const conversation = authorised(req, res, req.params.id);
    if (conversation) res.send(200, describe(conversation, bearer(req)));
  });

  server.post('/v3/directline/conversations/:id/activities', async (req, res) => {
    const conversation = authorised(req, res, req.params.id);
    if (!conversation) return;
    const body = req.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.type !== 'string') {
      res.send(400, { error: { code: 'BadArgument', message: 'The body must be an activity with a "type".' } });
      return;
    }
    if (body.text !== undefined && (typeof body.text !== 'string' || body.text.length > MAX_TEXT)) {
      res.send(400, { error: { code: 'BadArgument', message: '"text" must be a string of at most 8,000 characters.' } });
      return;
    }
    const from = body.from && typeof body.from === 'object' && typeof (body.from as { id?: unknown }).id === 'string'
      ? { id: String((body.from as { id: string }).id).slice(0, 100), role: 'user' as const, name: 'You' }
      : { id: `dl-${conversation.id}`, role: 'user' as const, name: 'You' };
    const activity: Partial<Activity> = {
      type: body.type === 'message' ? 'message' : String(body.type).slice(0, 40),
      text: body.text as string | undefined,
      value: body.value,
      locale: typeof body.locale === 'string' ? body.locale.slice(0, 20) : undefined,
      channelData: body.channelData,
      from,
    };
    const [id] = store.append(conversation, [activity]);
    await run(conversation, { ...activity, id });
    res.send(200, { id });
  });

  server.get('/v3/directline/conversations/:id/activities', async (req, res) => {
    const conversation = authorised(req, res, req.params.id);
    if (!conversation) return;
    const watermark = Number.parseInt(String(req.query?.watermark ?? '0'), 10);
    const page = store.since(conversation, Number.isFinite(watermark) && watermark >= 0 ? watermark : 0);
    res.send(200, { activities: page.activities, watermark: String(page.watermark) });
  });

  return store;
}

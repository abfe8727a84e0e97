import type { Activity } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { Server } from 'restify';
import type { BotServices } from '../bot/BotServices';
import type { BotApp } from '../bot/createBot';
import { InProcessAdapter } from '../bot/InProcessAdapter';
import { NotDeliverableError, type Proactive } from '../bot/Proactive';
import { wireAdapter } from '../bot/wireAdapter';
import type { InFlight } from '../http/InFlight';
import { errorSummary } from '../log';
import type { Engine } from '../storage/openDatabase';
import type { Database } from '../storage/schema';
import { ActivityStream } from './ActivityStream';
import { type ActivitySignal, LocalSignal } from './ActivitySignal';
import { AddressLimiter } from './AddressLimiter';
import { ConversationCapacity } from './ConversationCapacity';
import { DIRECT_LINE_CHANNEL_ID, type DirectLineConversation, DirectLineStore } from './DirectLineStore';
import { ProxyTrust } from './ProxyTrust';
import { registerDirectLineRoutes } from './registerDirectLineRoutes';

export { DIRECT_LINE_CHANNEL_ID };
const BOT = { id: 'migration-health-bot', name: 'IOM', role: 'bot' } as const;
/** Idle conversations are purged at start and then this often. */
const PURGE_EVERY_MS = 10 * 60 * 1000;

/** The bot and the shared services the endpoint runs turns with, and the database it keeps conversations in. */
export interface DirectLineDeps {
  app: BotApp;
  services: BotServices;
  proactive: Proactive;
  inFlight: InFlight;
  db: Kysely<Database>;
  engine: Engine;
}

/** The running endpoint: its store, its sockets, and how to stop it. */
export interface DirectLine {
  store: DirectLineStore;
  stream?: ActivityStream;
  /** Closes the sockets (pages reconnect elsewhere), stops purging and listening. */
  close(): Promise<void>;
}

/**
 * A Direct Line 3.0–compatible endpoint inside the bot, so the web chat page needs no Azure.
 * Conversations live in the shared database; activities run through an `InProcessAdapter` with the
 * same middleware and bot as `/api/messages`, and replies are appended for polling and the WebSocket.
 */
export async function registerDirectLine(server: Server, deps: DirectLineDeps): Promise<DirectLine> {
  const { config, logger } = deps.services;
  const signal = await openSignal(deps);
  const store = new DirectLineStore(deps.db, signal);
  const capacity = new ConversationCapacity(deps.db, {
    max: config.DIRECTLINE_MAX_CONVERSATIONS,
    activeMs: config.DIRECTLINE_ACTIVE_MINUTES * 60_000,
    idleMs: config.DIRECTLINE_IDLE_MINUTES * 60_000,
    ticketHoldMs: config.CONVERSATION_TTL_DAYS * 86_400_000,
  });
  const purge = () =>
    capacity.purgeIdle().then(
      (n) => n > 0 && logger.info({ conversations: n }, 'idle web chat conversations purged'),
      (err) => logger.warn({ err: errorSummary(err) }, 'web chat purge failed'),
    );
  await purge();
  const purgeTimer = setInterval(purge, PURGE_EVERY_MS).unref();

  const adapter = wireAdapter(
    new InProcessAdapter(async (activities, reference) => {
      const ids = await store.append(reference.conversation?.id ?? '', activities.map((a) => ({ ...a, from: BOT })));
      // Said, not dropped: a staff reply or an update to a conversation that has ended (purged after
      // being idle, or never there) is reported as not delivered.
      if (!ids) throw new NotDeliverableError('The web chat conversation has ended (the page was closed, or it was idle too long).');
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

  const limiter = (what: string) => new AddressLimiter(what, config.DIRECTLINE_CONVERSATIONS_PER_ADDRESS, config.DIRECTLINE_ADDRESS_WINDOW_SECONDS, logger);
  const stream = config.DIRECTLINE_WEBSOCKET ? new ActivityStream(server, store, signal, logger) : undefined;
  registerDirectLineRoutes(server, {
    config,
    store,
    capacity,
    tokenLimiter: limiter('new conversations'),
    startLimiter: limiter('conversation starts'),
    trust: new ProxyTrust(config.TRUSTED_PROXIES),
    run,
    streaming: stream !== undefined,
  });

  return {
    store,
    stream,
    async close() {
      clearInterval(purgeTimer);
      stream?.close();
      await signal.close();
    },
  };
}

/**
 * PostgreSQL: LISTEN/NOTIFY between instances (the driver loaded only then); SQLite, or no sockets to
 * feed (`DIRECTLINE_WEBSOCKET=false`): within the process.
 */
async function openSignal(deps: DirectLineDeps): Promise<ActivitySignal> {
  const { DATABASE_URL: url, DIRECTLINE_WEBSOCKET: streaming } = deps.services.config;
  if (deps.engine !== 'postgresql' || !url || !streaming) return new LocalSignal();
  const { PostgresSignal } = await import('./PostgresSignal');
  const signal = new PostgresSignal(url, deps.services.logger);
  await signal.start();
  return signal;
}

import type { Server } from 'restify';
import type { BotServices } from './bot/BotServices';
import { createAdapter } from './bot/createAdapter';
import { Proactive } from './bot/Proactive';
import { wireAdapter } from './bot/wireAdapter';
import { type BotApp, createBot } from './bot/createBot';
import type { Config } from './config';
import { InFlight } from './http/InFlight';
import { registerDirectLine } from './directline/registerDirectLine';
import { SqlTicketStore } from './handoff/SqlTicketStore';
import { SqlUnansweredStore } from './handoff/SqlUnansweredStore';
import { registerMessagesRoute } from './http/messagesRoute';
import { registerMetricsRoute } from './metrics/registerMetricsRoute';
import { registerNewsletterRoutes } from './newsletter/registerNewsletterRoutes';
import { SubscriptionStore } from './newsletter/SubscriptionStore';
import { LiveTicketStore } from './handoff/LiveTicketStore';
import { PgSignalRelay } from './handoff/PgSignalRelay';
import { TicketEvents } from './handoff/TicketEvents';
import { createHelpdesk, type Helpdesk } from './staff/createHelpdesk';
import { Insights } from './feedback/Insights';
import { registerKnowledgeRoutes } from './staff/registerKnowledgeRoutes';
import { startUpdates, updateServices } from './updates/startUpdates';
import type { UpdateWorker } from './updates/UpdateWorker';
import { registerWebChatPage } from './web/registerWebChatPage';
import { registerWhatsApp } from './whatsapp/registerWhatsApp';
import type { WhatsAppConnector } from './whatsapp/WhatsAppConnector';
import { createI18n } from './i18n/i18n';
import { BOT_LABEL_CHARS, buildDangerDetector } from './emergency/buildDangerDetector';
import { EmergencyNumbers } from './emergency/EmergencyNumbers';
import { loadKnowledge } from './knowledge/loadKnowledge';
import { SearchIndex } from './knowledge/SearchIndex';
import { errorSummary, type Logger } from './log';
import { createServer, type Readiness } from './server';
import { openDatabase } from './storage/openDatabase';
import { SqlStorage } from './storage/SqlStorage';

/** Idle conversation state is purged at start and then this often. */
const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;

export interface App {
  server: Server;
  readiness: Readiness;
  inFlight: InFlight;
  services: BotServices;
  bot: BotApp;
  /** The built-in WhatsApp Cloud API connector, when configured. */
  whatsapp?: WhatsAppConnector;
  /** Sends to a conversation later (staff replies), on whichever adapter owns its channel. */
  proactive: Proactive;
  /** Staff sign-in, the desk (claim, reply, close), the live queue, the Teams staff channel. */
  helpdesk: Helpdesk;
  /** Sends updates to subscribers from the outbox. */
  updates: UpdateWorker;
  /** Stops accepting work, waits for in-flight turns (up to the grace period), closes resources. */
  close(): Promise<void>;
}

/**
 * Builds every service and route from a config, without listening: `src/index.ts` listens,
 * tests call this directly. Throws (with file and line) when the knowledge base is broken.
 */
export async function createApp(config: Readonly<Config>, logger: Logger): Promise<App> {
  const kb = loadKnowledge(config.KNOWLEDGE_DIR);
  const index = SearchIndex.build(kb);
  const i18n = createI18n(config.LOCALES_DIR);
  const danger = buildDangerDetector(config.KNOWLEDGE_DIR, kb, i18n.shortStrings(BOT_LABEL_CHARS));
  const emergencyNumbers = EmergencyNumbers.load(config.KNOWLEDGE_DIR);
  const { db, engine } = await openDatabase(config);
  const storage = new SqlStorage(db);
  // The live queue: changes to tickets, heard by every console (and by other instances through PostgreSQL).
  const events = new TicketEvents(engine === 'postgresql' ? await PgSignalRelay.start(config.DATABASE_URL!, logger) : undefined);
  const insights = new Insights(db, { retentionDays: config.FEEDBACK_RETENTION_DAYS, logger });
  await insights.start();
  const services: BotServices = {
    config,
    kb,
    index,
    danger,
    emergencyNumbers,
    i18n,
    logger,
    tickets: new LiveTicketStore(new SqlTicketStore(db, engine === 'postgresql'), events),
    unanswered: new SqlUnansweredStore(db),
    subscriptions: new SubscriptionStore(db),
    insights,
    updates: updateServices(db),
    // Loaded only when configured: each library costs memory in every process (prom-client, nodemailer).
    metrics: config.METRICS_ENABLED ? new (await import('./metrics/Metrics')).Metrics() : undefined,
    mailer: config.SMTP_URL ? new (await import('./mail/Mailer')).Mailer(config.SMTP_URL, config.MAIL_FROM, config.OUTGOING_TIMEOUT_MS) : undefined,
  };
  const purge = () =>
    storage.purgeIdleConversations(config.CONVERSATION_TTL_DAYS).catch((err) => logger.warn({ err: errorSummary(err) }, 'state purge failed'));
  await purge();
  const purgeTimer = setInterval(purge, PURGE_EVERY_MS).unref();
  const bot = createBot(services, storage);

  const adapter = createAdapter(config);
  const proactive = new Proactive(adapter, config);
  // Before wireAdapter: the staff Teams channel's middleware must run before the bot's own.
  const helpdesk = createHelpdesk({ services, db, bot, adapter, proactive, events });
  wireAdapter(adapter, bot, services);

  const readiness: Readiness = { ready: false };
  const inFlight = new InFlight();
  const server = createServer(config, readiness, logger);
  helpdesk.register(server);
  registerMessagesRoute(server, { config, adapter, bot: bot.bot, logger, inFlight });
  const directLine = await registerDirectLine(server, { app: bot, services, proactive, inFlight, db, engine });
  registerWebChatPage(server);
  registerKnowledgeRoutes(server, services);
  registerNewsletterRoutes(server, services, services.subscriptions!);
  if (services.metrics) registerMetricsRoute(server, config, services.metrics);
  const whatsapp = config.whatsappEnabled ? registerWhatsApp(server, { app: bot, services, db, proactive, inFlight }) : undefined;
  const updates = startUpdates({ server, services, db, engine, proactive, whatsapp });
  readiness.ready = true;

  return {
    server,
    readiness,
    inFlight,
    services,
    bot,
    proactive,
    helpdesk,
    whatsapp,
    updates,
    async close() {
      readiness.ready = false;
      await inFlight.drained(config.SHUTDOWN_GRACE_MS);
      await updates.stop(config.SHUTDOWN_GRACE_MS);
      clearInterval(purgeTimer);
      await directLine.close();
      await helpdesk.close();
      server.close();
      services.mailer?.close();
      await insights.close();
      await db.destroy();
    },
  };
}

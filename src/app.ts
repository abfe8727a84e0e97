import { MemoryStorage } from 'botbuilder';
import type { Server } from 'restify';
import type { BotServices } from './bot/BotServices';
import { createAdapter } from './bot/createAdapter';
import { Proactive } from './bot/Proactive';
import { wireAdapter } from './bot/wireAdapter';
import { type BotApp, createBot } from './bot/createBot';
import type { Config } from './config';
import { InFlight } from './http/InFlight';
import { registerDirectLine } from './directline/registerDirectLine';
import { MemoryTicketStore } from './handoff/MemoryTicketStore';
import { MemoryUnansweredStore } from './handoff/UnansweredStore';
import { registerMessagesRoute } from './http/messagesRoute';
import { registerStaffConsole } from './staff/registerStaffConsole';
import { registerStaffRoutes } from './staff/registerStaffRoutes';
import { registerWebChatPage } from './web/registerWebChatPage';
import { createI18n } from './i18n/i18n';
import { loadKnowledge } from './knowledge/loadKnowledge';
import { SearchIndex } from './knowledge/SearchIndex';
import type { Logger } from './log';
import { createServer, type Readiness } from './server';

export interface App {
  server: Server;
  readiness: Readiness;
  inFlight: InFlight;
  services: BotServices;
  bot: BotApp;
  /** Sends to a conversation later (staff replies), on whichever adapter owns its channel. */
  proactive: Proactive;
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
  const services: BotServices = { config, kb, index, i18n, logger, tickets: new MemoryTicketStore(), unanswered: new MemoryUnansweredStore() };
  const storage = new MemoryStorage();
  const bot = createBot(services, storage);

  const adapter = wireAdapter(createAdapter(config), bot, services);
  const proactive = new Proactive(adapter, config);

  const readiness: Readiness = { ready: false };
  const inFlight = new InFlight();
  const server = createServer(config, readiness);
  registerMessagesRoute(server, { config, adapter, bot: bot.bot, logger, inFlight });
  registerDirectLine(server, { app: bot, services, proactive, inFlight });
  registerWebChatPage(server);
  registerStaffRoutes(server, { services, app: bot, proactive });
  registerStaffConsole(server);
  readiness.ready = true;

  return {
    server,
    readiness,
    inFlight,
    services,
    bot,
    proactive,
    async close() {
      readiness.ready = false;
      await inFlight.drained(config.SHUTDOWN_GRACE_MS);
      server.close();
    },
  };
}

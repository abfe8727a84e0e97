import type { Kysely } from 'kysely';
import type { Server } from 'restify';
import type { BotServices } from '../bot/BotServices';
import type { BotApp } from '../bot/createBot';
import type { HttpAdapter } from '../bot/HttpAdapter';
import { StaffChannelMiddleware } from '../bot/middleware/staffChannelMiddleware';
import type { Proactive } from '../bot/Proactive';
import { TeamsChannelClient } from '../bot/TeamsChannelClient';
import { deliverToPerson } from '../handoff/deliverToPerson';
import { HandoffDesk } from '../handoff/HandoffDesk';
import { StaffAudit } from '../handoff/StaffAudit';
import type { TicketEvents } from '../handoff/TicketEvents';
import type { Database } from '../storage/schema';
import { OidcSignIn } from './OidcSignIn';
import { registerLiveQueue } from './registerLiveQueue';
import { registerStaffAuth, sessionCookieName } from './registerStaffAuth';
import { registerStaffConsole } from './registerStaffConsole';
import { registerStaffRoutes } from './registerStaffRoutes';
import { staffGate } from './StaffGate';
import { StaffSessions } from './StaffSessions';
import { StaffChannel } from './teams/StaffChannel';
import { StaffChannelMirror } from './teams/StaffChannelMirror';

export interface Helpdesk {
  desk: HandoffDesk;
  audit: StaffAudit;
  /** Adds the staff gate, sign-in, the staff API, the live queue and the console to the server. */
  register(server: Server): void;
  /** Ends live-queue streams, waits for Teams posts under way, stops listening for other instances. */
  close(): Promise<void>;
}

/**
 * Everything helpdesk staff use, built once: the desk (claim, reply, close, with the audit),
 * console sessions and OIDC sign-in, and — with STAFF_TEAMS_* set — the Teams staff channel,
 * whose middleware goes on the HTTP adapter here, before the bot's own (call before `wireAdapter`).
 */
export function createHelpdesk(deps: {
  services: BotServices;
  db: Kysely<Database>;
  bot: BotApp;
  adapter: HttpAdapter;
  proactive: Proactive;
  events: TicketEvents;
}): Helpdesk {
  const { services, db, adapter, events } = deps;
  const { config, logger } = services;
  const audit = new StaffAudit(db);
  const desk = new HandoffDesk({ tickets: services.tickets, audit, deliver: deliverToPerson({ services, app: deps.bot, proactive: deps.proactive }), i18n: services.i18n, logger });

  let drainMirror = async () => undefined as void;
  if (config.staffTeamsEnabled) {
    const poster = new TeamsChannelClient(adapter, config);
    const channel = new StaffChannel({ channelId: config.STAFF_TEAMS_CHANNEL_ID!, tenantId: config.MicrosoftAppTenantId, tickets: services.tickets, desk, poster, logger });
    adapter.use(new StaffChannelMiddleware(channel));
    drainMirror = new StaffChannelMirror({ tickets: services.tickets, poster, consoleUrl: config.PUBLIC_URL, logger }).follow(events);
  }

  const sessions = config.staffOidcEnabled || config.STAFF_API_TOKEN ? new StaffSessions(db, { idleMinutes: config.STAFF_SESSION_IDLE_MINUTES, maxHours: config.STAFF_SESSION_MAX_HOURS }) : undefined;
  const oidc = config.staffOidcEnabled
    ? new OidcSignIn(
        {
          issuer: config.STAFF_OIDC_ISSUER!,
          clientId: config.STAFF_OIDC_CLIENT_ID!,
          clientSecret: config.STAFF_OIDC_CLIENT_SECRET!,
          redirectUri: `${config.PUBLIC_URL!.replace(/\/+$/, '')}/staff/auth/callback`,
          timeoutMs: config.OUTGOING_TIMEOUT_MS,
        },
        db,
      )
    : undefined;
  const cookieName = sessionCookieName(config);
  let liveQueue: { close(): void } | undefined;

  return {
    desk,
    audit,
    register(server) {
      server.use(staffGate({ token: config.STAFF_API_TOKEN, sessions, cookieName }));
      if (sessions) registerStaffAuth(server, { config, sessions, oidc, cookieName, logger });
      registerStaffRoutes(server, { services, desk, audit });
      liveQueue = registerLiveQueue(server, events);
      registerStaffConsole(server);
    },
    async close() {
      liveQueue?.close();
      await drainMirror();
      await events.close();
    },
  };
}

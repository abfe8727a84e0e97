import { isIP } from 'node:net';
import { z } from 'zod';
import { HELPDESK_HOURS_FORMAT, parseHelpdeskHours } from './handoff/HelpdeskHours';

/**
 * The one place that reads the environment. Everything else receives a frozen, typed `Config`.
 * Each setting is documented in `.env.example`.
 */
const csv = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) => s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean));

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .default(fallback ? 'true' : 'false')
    .transform((s) => s === 'true' || s === '1' || s === 'yes');

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const optional = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() !== '' ? s.trim() : undefined));

export const configSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: int(3978),
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL of this bot, used in e-mail links and the Teams card link to the staff console. */
  PUBLIC_URL: optional,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', '']).default(''),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppTenantId: optional,
  /** Lets a production process start without Bot Framework credentials (logged loudly). */
  ALLOW_UNAUTHENTICATED_IN_PRODUCTION: bool(false),
  /** Hosts a bot without credentials may post replies to. */
  SERVICE_URL_ALLOWLIST: csv('localhost,127.0.0.1,[::1],::1'),
  OUTGOING_TIMEOUT_MS: int(10_000, 100),

  KNOWLEDGE_DIR: z.string().default('knowledge'),
  LOCALES_DIR: z.string().default('locales'),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: optional,
  CONVERSATION_TTL_DAYS: int(30, 1),

  WHATSAPP_CHANNEL_IDS: csv('whatsapp'),
  SMS_CHANNEL_IDS: csv('sms,twilio-sms,telegram-sms'),

  MAX_MESSAGE_CHARS: int(2000, 100),
  RATE_LIMIT_MESSAGES: int(20, 1),
  RATE_LIMIT_WINDOW_SECONDS: int(10, 1),
  MAX_BODY_BYTES: int(256 * 1024, 1024),
  SHUTDOWN_GRACE_MS: int(8000, 0),

  METRICS_ENABLED: bool(false),

  // Helpdesk staff: sign-in, sessions, the Teams channel and opening hours (see docs/handoff.md).
  /** Bearer token for automation (scripts, metrics scrapers); the console uses named sign-in when OIDC is set. */
  STAFF_API_TOKEN: optional,
  STAFF_OIDC_ISSUER: optional,
  STAFF_OIDC_CLIENT_ID: optional,
  STAFF_OIDC_CLIENT_SECRET: optional,
  STAFF_ALLOWED_EMAILS: csv(''),
  STAFF_ALLOWED_GROUP: optional,
  STAFF_SESSION_IDLE_MINUTES: int(30, 1),
  STAFF_SESSION_MAX_HOURS: int(12, 1),
  STAFF_TEAMS_CHANNEL_ID: optional,
  STAFF_TEAMS_SERVICE_URL: optional,
  HELPDESK_HOURS: z
    .string()
    .default('mon-fri 09:00-17:00 Europe/Zurich')
    .transform((text, ctx) => {
      try {
        return parseHelpdeskHours(text);
      } catch (err) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${(err as Error).message}; expected ${HELPDESK_HOURS_FORMAT}` });
        return z.NEVER;
      }
    }),

  /** Feedback votes, suggested alternates and usage counts are kept this many days. */
  FEEDBACK_RETENTION_DAYS: int(365, 1),
  /** An entry whose review date is older than this many days is listed as stale. */
  KNOWLEDGE_STALE_DAYS: int(365, 1),

  SMTP_URL: optional,
  MAIL_FROM: z.string().default('IOM Migration Health <no-reply@localhost>'),
  CONFIRM_TOKEN_TTL_HOURS: int(48, 1),

  WHATSAPP_VERIFY_TOKEN: optional,
  WHATSAPP_APP_SECRET: optional,
  WHATSAPP_ACCESS_TOKEN: optional,
  WHATSAPP_PHONE_NUMBER_ID: optional,
  WHATSAPP_GRAPH_URL: z.string().default('https://graph.facebook.com/v21.0'),
  WHATSAPP_TEMPLATE_NAME: optional,

  // Web chat (the bot's own Direct Line endpoint); see docs/webchat.md.
  /** Addresses or CIDR ranges of the proxies / load balancers whose X-Forwarded-For is believed. */
  TRUSTED_PROXIES: csv('').refine((list) => list.every(isAddressOrRange), 'each entry must be an IP address or a CIDR range'),
  /** New web chat conversations (and starts) one client address may make per window. */
  DIRECTLINE_CONVERSATIONS_PER_ADDRESS: int(30, 1),
  DIRECTLINE_ADDRESS_WINDOW_SECONDS: int(600, 1),
  /** Web chat conversations kept at once (all instances together); past it idle ones make room, or 503. */
  DIRECTLINE_MAX_CONVERSATIONS: int(5000, 1),
  /** A conversation touched within this many minutes is never expired to make room. */
  DIRECTLINE_ACTIVE_MINUTES: int(10, 1),
  /** Conversations untouched this long are purged (unless a helpdesk ticket is open). */
  DIRECTLINE_IDLE_MINUTES: int(120, 1),
  /** Offer a WebSocket (`streamUrl`); false: Web Chat polls. */
  DIRECTLINE_WEBSOCKET: bool(true),
  /** Updates to subscribers (src/updates): the outbox worker and its pace, per instance. */
  WHATSAPP_UPDATE_TEMPLATE: optional,
  UPDATES_WORKER: bool(true),
  UPDATES_POLL_MS: int(2000, 10),
  UPDATES_CONCURRENCY: int(2, 1),
  UPDATES_MAX_ATTEMPTS: int(5, 1),
  UPDATES_RETRY_BASE_MS: int(30_000, 1),
  UPDATES_WHATSAPP_PER_SECOND: int(20, 1),
  UPDATES_CHAT_PER_SECOND: int(20, 1),
  UPDATES_EMAIL_PER_SECOND: int(5, 1),
});

/** An IPv4/IPv6 address, or one with a /prefix. */
function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

type Env = z.infer<typeof configSchema>;

export interface Config extends Env {
  isProduction: boolean;
  /** True when Bot Framework credentials are configured (JWT checked on /api/messages). */
  botAuthEnabled: boolean;
  whatsappEnabled: boolean;
  /** Named staff sign-in to the console over OpenID Connect (the three STAFF_OIDC_* settings). */
  staffOidcEnabled: boolean;
  /** New tickets are posted to a Teams channel (STAFF_TEAMS_CHANNEL_ID and STAFF_TEAMS_SERVICE_URL). */
  staffTeamsEnabled: boolean;
  /** Where each setting came from, for the start-up log (values never logged). */
  sources: Record<string, 'environment' | 'default'>;
}

/** Thrown when the environment is invalid; the message names the settings, never their values. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  const sources: Config['sources'] = {};
  for (const key of Object.keys(configSchema.shape)) sources[key] = env[key] !== undefined ? 'environment' : 'default';
  const whatsappKeys = [c.WHATSAPP_VERIFY_TOKEN, c.WHATSAPP_APP_SECRET, c.WHATSAPP_ACCESS_TOKEN, c.WHATSAPP_PHONE_NUMBER_ID];
  const problems = staffProblems(c);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  return Object.freeze({
    ...c,
    isProduction: c.NODE_ENV === 'production',
    botAuthEnabled: Boolean(c.MicrosoftAppId),
    whatsappEnabled: whatsappKeys.every(Boolean),
    staffOidcEnabled: Boolean(c.STAFF_OIDC_ISSUER),
    staffTeamsEnabled: Boolean(c.STAFF_TEAMS_CHANNEL_ID),
    sources,
  });
}

const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** Staff settings that only make sense together; each problem names settings, never values. */
function staffProblems(c: Env): string[] {
  const problems: string[] = [];
  const oidc = [c.STAFF_OIDC_ISSUER, c.STAFF_OIDC_CLIENT_ID, c.STAFF_OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    problems.push('STAFF_OIDC_ISSUER, STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET go together');
  }
  if (c.STAFF_OIDC_ISSUER) {
    const issuer = URL.canParse(c.STAFF_OIDC_ISSUER) ? new URL(c.STAFF_OIDC_ISSUER) : undefined;
    if (!issuer || (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback(issuer)))) {
      problems.push('STAFF_OIDC_ISSUER must be an https URL (http only on loopback, for tests)');
    }
    if (!c.PUBLIC_URL || !URL.canParse(c.PUBLIC_URL)) {
      problems.push('STAFF_OIDC_ISSUER needs PUBLIC_URL (the sign-in callback is PUBLIC_URL/staff/auth/callback)');
    }
    if (c.STAFF_ALLOWED_EMAILS.length === 0 && !c.STAFF_ALLOWED_GROUP) {
      problems.push('STAFF_OIDC_ISSUER needs STAFF_ALLOWED_EMAILS or STAFF_ALLOWED_GROUP (who may enter)');
    }
  }
  if (Boolean(c.STAFF_TEAMS_CHANNEL_ID) !== Boolean(c.STAFF_TEAMS_SERVICE_URL)) {
    problems.push('STAFF_TEAMS_CHANNEL_ID and STAFF_TEAMS_SERVICE_URL go together');
  } else if (c.STAFF_TEAMS_SERVICE_URL) {
    const url = URL.canParse(c.STAFF_TEAMS_SERVICE_URL) ? new URL(c.STAFF_TEAMS_SERVICE_URL) : undefined;
    if (!url || !/^https?:$/.test(url.protocol)) problems.push('STAFF_TEAMS_SERVICE_URL must be an http(s) URL');
    else if (!c.MicrosoftAppId && !c.SERVICE_URL_ALLOWLIST.includes(url.hostname.replace(/^\[|\]$/g, ''))) {
      problems.push('STAFF_TEAMS_SERVICE_URL needs Bot Framework credentials (MicrosoftAppId …) unless its host is on SERVICE_URL_ALLOWLIST');
    }
  }
  return problems;
}

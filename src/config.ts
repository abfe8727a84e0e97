import { z } from 'zod';

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

  STAFF_API_TOKEN: optional,
  METRICS_ENABLED: bool(false),
  STAFF_TEAMS_CONVERSATION_ID: optional,
  STAFF_TEAMS_SERVICE_URL: optional,
  HELPDESK_HOURS: z.string().default('Monday–Friday, 09:00–17:00 CET'),

  SMTP_URL: optional,
  MAIL_FROM: z.string().default('IOM Migration Health <no-reply@localhost>'),
  CONFIRM_TOKEN_TTL_HOURS: int(48, 1),

  WHATSAPP_VERIFY_TOKEN: optional,
  WHATSAPP_APP_SECRET: optional,
  WHATSAPP_ACCESS_TOKEN: optional,
  WHATSAPP_PHONE_NUMBER_ID: optional,
  WHATSAPP_GRAPH_URL: z.string().default('https://graph.facebook.com/v21.0'),
  WHATSAPP_TEMPLATE_NAME: optional,

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

type Env = z.infer<typeof configSchema>;

export interface Config extends Env {
  isProduction: boolean;
  /** True when Bot Framework credentials are configured (JWT checked on /api/messages). */
  botAuthEnabled: boolean;
  whatsappEnabled: boolean;
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
  return Object.freeze({
    ...c,
    isProduction: c.NODE_ENV === 'production',
    botAuthEnabled: Boolean(c.MicrosoftAppId),
    whatsappEnabled: whatsappKeys.every(Boolean),
    sources,
  });
}

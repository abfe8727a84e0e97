import type { Config } from './config';
import type { Logger } from './log';

/** Logs where each setting came from (environment or default), never the values of secrets. */
export function logSettings(config: Readonly<Config>, logger: Logger): void {
  const fromEnvironment = Object.entries(config.sources)
    .filter(([, source]) => source === 'environment')
    .map(([key]) => key);
  logger.info(
    {
      fromEnvironment,
      botAuth: config.botAuthEnabled ? (config.MicrosoftAppType || 'SingleTenant') : 'off (local use: replies only to allow-listed hosts)',
      storage: config.DATABASE_URL ? 'postgresql' : `sqlite in ${config.DATA_DIR}`,
      staffApi: config.STAFF_API_TOKEN ? 'on' : 'off (STAFF_API_TOKEN not set)',
      staffSignIn: config.staffOidcEnabled ? 'oidc' : config.STAFF_API_TOKEN ? 'token (STAFF_OIDC_* not set)' : 'off',
      staffTeamsChannel: config.staffTeamsEnabled ? 'on' : 'off',
      doubleOptIn: config.SMTP_URL ? 'on' : 'off (SMTP_URL not set: subscriptions recorded with in-chat consent)',
      whatsapp: config.whatsappEnabled ? 'on' : 'off',
      updates: `${config.UPDATES_WORKER ? 'worker on' : 'worker off (UPDATES_WORKER=false)'}; WhatsApp update template ${config.WHATSAPP_UPDATE_TEMPLATE ? 'set' : 'not set'}`,
      metrics: config.METRICS_ENABLED && config.STAFF_API_TOKEN ? 'on' : 'off',
    },
    'settings',
  );
}

/** Thrown when the process must not start as configured. */
export class UnsafeStartError extends Error {}

/**
 * In production the bot must authenticate Bot Framework requests. Without credentials anyone
 * could post activities and make the bot send requests, so start-up stops unless an explicit,
 * loudly logged override is set.
 */
export function checkStartupSafety(config: Readonly<Config>, logger: Logger): void {
  if (!config.isProduction || config.botAuthEnabled) return;
  if (config.ALLOW_UNAUTHENTICATED_IN_PRODUCTION) {
    logger.warn('NODE_ENV=production WITHOUT Bot Framework credentials (ALLOW_UNAUTHENTICATED_IN_PRODUCTION=true): /api/messages accepts unauthenticated requests');
    return;
  }
  throw new UnsafeStartError(
    'NODE_ENV=production requires Bot Framework credentials (MicrosoftAppType SingleTenant or UserAssignedMSI, MicrosoftAppId, MicrosoftAppTenantId and a password or managed identity). Set ALLOW_UNAUTHENTICATED_IN_PRODUCTION=true to override.',
  );
}

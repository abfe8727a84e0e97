import { createHash } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs (pino). Rule: never log message text, names, e-mail addresses or phone numbers;
 * conversation and user ids only through `hashId`. The redact list is a second line of defence.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['text', 'email', 'phone', 'activity', '*.text', '*.email', '*.phone', 'req.headers.authorization'],
        censor: '[redacted]',
      },
      serializers: { err: errorSummary },
    },
    destination,
  );
}

/** A stable, non-reversible short id for correlating log lines about one conversation or person. */
export function hashId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  return createHash('sha256').update(id).digest('hex').slice(0, 12);
}

/** Errors are logged by name and code only: library messages can echo input (e-mails, text). */
export function errorSummary(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const code = (err as { code?: unknown }).code;
  const status = (err as { statusCode?: unknown }).statusCode;
  return { type: err.name, ...(code !== undefined && { code }), ...(status !== undefined && { status }) };
}

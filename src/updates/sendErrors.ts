import { NotDeliverableError } from '../bot/Proactive';
import { GraphSendError } from '../whatsapp/GraphClient';
import type { Outcome } from './Outbox';

/** The HTTP status an error carries: WhatsApp's `status`, Bot Framework's `statusCode`. */
function httpStatus(err: unknown): number | undefined {
  if (err instanceof GraphSendError) return err.status;
  const status = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * What a failed chat send means for the outbox. Reasons are fixed sentences with a status code at
 * most: library messages can echo the request (numbers, text) and never reach the report.
 */
export function classifySendError(err: unknown): Outcome {
  if (err instanceof NotDeliverableError) return { status: 'failed', reason: err.reason };
  const status = httpStatus(err);
  if (status === 429) return { status: 'retry', reason: 'the channel asked to slow down (HTTP 429)', throttled: true };
  if (status === undefined) return { status: 'retry', reason: 'no answer from the channel (timeout or network)' };
  if (status >= 500 || status === 408) return { status: 'retry', reason: `the channel failed (HTTP ${status})` };
  if (status === 401 || status === 403 || status === 404) return { status: 'failed', reason: `the conversation no longer accepts messages from the bot (HTTP ${status})` };
  return { status: 'failed', reason: `the channel refused the message (HTTP ${status})` };
}

/** SMTP: 5xx is a refusal for good (unknown mailbox …); 4xx and connection problems pass. */
export function classifyMailError(err: unknown): Outcome {
  const code = (err as { responseCode?: unknown } | undefined)?.responseCode;
  if (typeof code === 'number' && code >= 500) return { status: 'failed', reason: `the mail server refused the message (SMTP ${code})` };
  if (typeof code === 'number') return { status: 'retry', reason: `the mail server said try later (SMTP ${code})` };
  return { status: 'retry', reason: 'the mail server could not be reached' };
}

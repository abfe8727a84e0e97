import { errorSummary, type Logger } from '../log';

export const MAX_ATTEMPTS = 3;
const BASE_DELAY_MS = 200;

/** Thrown when WhatsApp refused a message for good (4xx other than 429) or kept failing. */
export class GraphSendError extends Error {
  constructor(readonly status: number | undefined) {
    super(`WhatsApp send failed${status ? ` with HTTP ${status}` : ''}`);
  }
}

export interface GraphOptions {
  graphUrl: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs: number;
  logger: Logger;
  /** For tests: how long to wait before retry n (1-based). */
  delay?: (attempt: number) => number;
}

/**
 * Posts messages to the WhatsApp Cloud API (`{graph}/{phone-number-id}/messages`) with a timeout on
 * every call and bounded retries with exponential backoff and jitter for 429, 5xx and timeouts.
 * Logs carry the status and attempt, never the phone number, the text or the token.
 */
export class GraphClient {
  constructor(private readonly o: GraphOptions) {}

  async send(to: string, message: Record<string, unknown>): Promise<void> {
    const url = `${this.o.graphUrl.replace(/\/$/, '')}/${encodeURIComponent(this.o.phoneNumberId)}/messages`;
    const body = JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message });
    let lastStatus: number | undefined;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.o.accessToken}`, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(this.o.timeoutMs),
        });
        await res.arrayBuffer();
        if (res.ok) return;
        lastStatus = res.status;
        if (res.status !== 429 && res.status < 500) break;
      } catch (err) {
        lastStatus = undefined;
        this.o.logger.warn({ err: errorSummary(err), attempt }, 'whatsapp send attempt failed');
      }
      if (attempt < MAX_ATTEMPTS) await new Promise((r) => setTimeout(r, this.o.delay?.(attempt) ?? BASE_DELAY_MS * 2 ** (attempt - 1) * (1 + Math.random())));
    }
    this.o.logger.warn({ status: lastStatus, type: message.type }, 'whatsapp message not sent');
    throw new GraphSendError(lastStatus);
  }
}

import type { Middleware, TurnContext } from 'botbuilder';

/** A channel did not accept a reply in time. */
export class OutgoingTimeoutError extends Error {
  constructor(ms: number) {
    super(`The channel did not accept the reply within ${ms} ms`);
    this.name = 'OutgoingTimeoutError';
  }
}

/**
 * Bot Framework's outgoing calls have no timeout of their own: a hung connector would hold a turn
 * (and a shutdown) forever. Every send of the turn — replies, proactive staff messages — must finish
 * within `OUTGOING_TIMEOUT_MS`, or the turn fails with `OutgoingTimeoutError` (→ `onTurnError`).
 */
export class OutgoingTimeoutMiddleware implements Middleware {
  constructor(private readonly ms: number) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    ctx.onSendActivities(async (_ctx, _activities, send) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new OutgoingTimeoutError(this.ms)), this.ms);
      });
      try {
        return await Promise.race([send(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    });
    await next();
  }
}

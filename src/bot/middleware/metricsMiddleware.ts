import type { Middleware, TurnContext } from 'botbuilder';
import type { Metrics } from '../../metrics/Metrics';

/** Counts turns and failures and times each turn (the metric labels hold no personal data). */
export class MetricsMiddleware implements Middleware {
  constructor(private readonly metrics: Metrics) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    const stop = this.metrics.latency.startTimer();
    this.metrics.turns.inc({ channel: ctx.activity.channelId ?? 'unknown', type: ctx.activity.type ?? 'unknown' });
    try {
      await next();
    } catch (err) {
      this.metrics.errors.inc();
      throw err;
    } finally {
      stop();
    }
  }
}

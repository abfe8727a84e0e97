import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { channelKindOf, type ChannelMapping } from '../../channels/channelKind';
import type { Metrics } from '../../metrics/Metrics';

/** Activity types counted by name; anything else a sender makes up is counted as `other`. */
const KNOWN_TYPES = new Set<string>(Object.values(ActivityTypes));

/**
 * Counts turns and failures and times each turn. Labels hold no personal data and only a fixed set
 * of values (channel kind, known activity type): senders choose `channelId` and `type`, and every
 * new label value would be a new series kept in memory.
 */
export class MetricsMiddleware implements Middleware {
  constructor(
    private readonly metrics: Metrics,
    private readonly channels: ChannelMapping,
  ) {}

  async onTurn(ctx: TurnContext, next: () => Promise<void>): Promise<void> {
    const stop = this.metrics.latency.startTimer();
    const { channelId, type } = ctx.activity;
    this.metrics.turns.inc({ channel: channelKindOf(channelId, this.channels), type: type && KNOWN_TYPES.has(type) ? type : 'other' });
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

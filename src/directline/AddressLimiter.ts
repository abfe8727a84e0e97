import { randomBytes } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { hashId, type Logger } from '../log';
import { addressKey } from './ProxyTrust';

/**
 * Addresses are few enough (2^32 for IPv4) to reverse a plain hash by trying them all: log lines carry
 * them hashed with a salt that lives only as long as the process.
 */
const LOG_SALT = randomBytes(16).toString('hex');

/**
 * Counts one kind of request (new conversations, conversation starts) per client address. Counting is
 * per process: with several instances behind a load balancer an address may make up to this many on
 * each; the database-wide cap on conversations (`ConversationCapacity`) bounds the total.
 */
export class AddressLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(
    private readonly what: string,
    private readonly points: number,
    windowSeconds: number,
    private readonly logger: Logger,
  ) {
    this.limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  }

  /** Counts one request from `address`; undefined when it may go ahead, else seconds until it may. */
  async take(address: string): Promise<number | undefined> {
    const key = addressKey(address);
    try {
      await this.limiter.consume(key);
      return undefined;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // One line per address and window, not one per refused request: a flood must not flood the logs.
      if (rejection.consumedPoints === this.points + 1) this.logger.warn({ address: hashId(LOG_SALT + key), limit: this.what }, 'web chat rate limit reached');
      return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    }
  }
}

import { createHash } from 'node:crypto';

/** A stable key for one person on one channel, without storing their channel id in the clear. */
export function userKey(channelId: string | undefined, userId: string | undefined): string {
  return createHash('sha256').update(`${channelId ?? ''}\u0000${userId ?? ''}`).digest('hex');
}

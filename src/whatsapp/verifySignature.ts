import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex>` header: HMAC-SHA256 of the raw request body with
 * the app secret, compared in constant time. Anything missing or malformed is a mismatch.
 */
export function validSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  const presented = /^sha256=([0-9a-f]{64})$/i.exec(header ?? '')?.[1];
  if (!presented) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(presented, 'hex'));
}

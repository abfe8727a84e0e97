import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** Longest X-Forwarded-For chain read: a longer one is someone padding the header. */
const MAX_HOPS = 20;

/**
 * Who is really asking, behind the proxies listed in `TRUSTED_PROXIES`. X-Forwarded-For is read from
 * the right (each proxy appends the address it saw) and only while the hop that wrote it is trusted, so
 * a client cannot choose its own address by sending the header itself.
 */
export class ProxyTrust {
  private readonly trusted = new BlockList();
  private readonly any: boolean;

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address, prefix] = entry.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.trusted.addAddress(address, type);
      else this.trusted.addSubnet(address, Number(prefix), type);
    }
    this.any = entries.length > 0;
  }

  /** The client's address: the connecting peer, or what trusted proxies say it was. */
  clientAddress(req: IncomingMessage): string {
    let address = plainAddress(req.socket.remoteAddress ?? '') ?? 'unknown';
    if (!this.any) return address;
    const hops = headerValues(req.headers['x-forwarded-for']).slice(-MAX_HOPS);
    while (hops.length > 0 && this.isTrusted(address)) {
      const hop = plainAddress(hops.pop() as string);
      if (!hop) break;
      address = hop;
    }
    return address;
  }

  /** `https` when the request reached a trusted proxy over TLS (X-Forwarded-Proto), else what this hop used. */
  protocol(req: IncomingMessage): 'http' | 'https' {
    const peer = plainAddress(req.socket.remoteAddress ?? '');
    if (peer && this.isTrusted(peer)) {
      const forwarded = headerValues(req.headers['x-forwarded-proto'])[0]?.toLowerCase();
      if (forwarded === 'https' || forwarded === 'http') return forwarded;
    }
    return (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  }

  private isTrusted(address: string): boolean {
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    return isIP(address) !== 0 && this.trusted.check(address, type);
  }
}

/**
 * The key rate limits count by: an IPv4 address as is, an IPv6 address by its /64 (one subscriber
 * usually holds a whole /64, so counting single IPv6 addresses would let one person rotate through them).
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => (Number.parseInt(g, 16) || 0).toString(16)).join(':')}::/64`;
}

function headerValues(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return joined.split(',').map((s) => s.trim()).filter(Boolean);
}

/** An address without port, brackets or IPv4-mapped prefix; undefined when it is not an IP address. */
function plainAddress(raw: string): string | undefined {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) === 0 ? undefined : address.toLowerCase();
}

import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * Whom to believe about the client's address: `false` the TCP peer only; `true` the left-most
 * X-Forwarded-For entry (every proxy in front is trusted); a number n: n proxies in front are
 * trusted, so the address is the n-th from the right of X-Forwarded-For plus the peer.
 */
export type TrustProxy = boolean | number;

/**
 * The client address as a rate-limit key. IPv6 addresses are cut to their /64 (one household or
 * server gets a whole /64, so a single address per request would be no limit at all); IPv4-mapped
 * IPv6 becomes plain IPv4. A forwarded entry that is not an address is not believed.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trust: TrustProxy): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trust === false || trust === 0) return normalise(peer);
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const chain = [...forwarded, peer];
  const index = trust === true ? 0 : Math.max(0, chain.length - 1 - trust);
  const candidate = stripPort(chain[index] ?? peer);
  return normalise(isIP(candidate) ? candidate : peer);
}

/** "1.2.3.4:5678" and "[::1]:80" → the address alone. */
function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed?.[1]) return bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort?.[1] ?? entry;
}

function normalise(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIP(address) !== 6) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, "::" expanded, zone id dropped. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}

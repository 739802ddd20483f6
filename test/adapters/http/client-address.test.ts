import { describe, expect, it } from 'vitest';
import { clientAddress, type TrustProxy } from '../../../adapters/http/client-address.js';

const request = (peer: string, forwardedFor?: string) => ({
  socket: { remoteAddress: peer } as never,
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
});

describe('clientAddress', () => {
  it.each<[string, string, string | undefined, TrustProxy, string]>([
    ['ignores X-Forwarded-For when no proxy is trusted', '10.0.0.9', '1.2.3.4', false, '10.0.0.9'],
    ['takes the left-most forwarded address when every proxy is trusted', '10.0.0.9', '1.2.3.4, 10.0.0.8', true, '1.2.3.4'],
    ['takes the address the one trusted proxy saw', '10.0.0.9', '6.6.6.6, 1.2.3.4', 1, '1.2.3.4'],
    ['takes the address two trusted proxies saw', '10.0.0.9', '6.6.6.6, 1.2.3.4, 10.0.0.8', 2, '1.2.3.4'],
    ['falls back to the peer when the header is missing', '10.0.0.9', undefined, 1, '10.0.0.9'],
    ['does not believe a forwarded entry that is no address', '10.0.0.9', 'nonsense', 1, '10.0.0.9'],
    ['strips a port', '10.0.0.9', '1.2.3.4:5555', 1, '1.2.3.4'],
    ['turns IPv4-mapped IPv6 into IPv4', '::ffff:127.0.0.1', undefined, false, '127.0.0.1'],
    ['cuts IPv6 to its /64', '2001:db8:1:2:3:4:5:6', undefined, false, '2001:db8:1:2::/64'],
    ['expands :: before cutting', '2001:db8::1', undefined, false, '2001:db8:0:0::/64'],
    ['treats two addresses of one /64 as one', '10.0.0.9', '[2001:db8:1:2::ffff]:443', 1, '2001:db8:1:2::/64'],
  ])('%s', (_name, peer, forwarded, trust, expected) => {
    expect(clientAddress(request(peer, forwarded), trust)).toBe(expected);
  });
});

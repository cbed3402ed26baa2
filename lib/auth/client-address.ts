// The client's address as the app server resolved it (scripts/client-address.mjs: the
// socket's, or the one a proxy named in TRUSTED_PROXIES reports). Only that header is
// read, and only when the server announced it sets it: X-Forwarded-For and X-Real-IP
// are never read here, so a client cannot pick the address it is counted under.
import 'server-only';
import net from 'node:net';

/** Must equal CLIENT_ADDRESS_KEY in scripts/client-address.mjs (a unit test checks). */
export const CLIENT_ADDRESS_KEY = Symbol.for('steady-spine.client-address-header');

/** The resolved client address of a request, or null when no server resolved one. */
export function clientAddressOf(headers: Headers): string | null {
  const name = (globalThis as Record<symbol, unknown>)[CLIENT_ADDRESS_KEY];
  if (typeof name !== 'string') return null;
  const value = headers.get(name)?.trim();
  return value && net.isIP(value) ? value : null;
}

/** "2001:db8::1.2.3.4" → 8 hex groups; null if it is not IPv6. */
function ipv6Groups(address: string): number[] | null {
  if (!net.isIPv6(address)) return null;
  let text = address;
  const v4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4Tail) {
    const [a, b, c, d] = v4Tail.slice(1).map(Number);
    text = `${text.slice(0, v4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((g) => parseInt(g, 16));
}

/**
 * The network an address belongs to, for counting: IPv4 to `v4` bits, IPv6 to `v6` bits
 * ("203.0.113.0/24", "2001:db8:1:2::/64"); a /32 is the address itself. 'unknown' for
 * anything that is not an address.
 */
export function networkOf(address: string, bits: { v4: 24 | 32; v6: 48 | 64 }): string {
  const plain = address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (net.isIPv4(plain)) return bits.v4 === 32 ? plain : `${plain.split('.').slice(0, 3).join('.')}.0/24`;
  const groups = ipv6Groups(plain);
  if (!groups) return 'unknown';
  return `${groups.slice(0, bits.v6 / 16).map((g) => g.toString(16)).join(':')}::/${bits.v6}`;
}

/**
 * What per-IP limits count under: the IPv4 address, or the IPv6 /64 (one host is handed a
 * whole /64, so counting single IPv6 addresses would let it rotate forever). Without a
 * resolved address every request shares one 'unknown' key, and per-email limits protect.
 */
export function ipLimitKey(address: string | null): string {
  return address ? networkOf(address, { v4: 32, v6: 64 }) : 'unknown';
}

/** The per-IP limit key of a request (Auth.js hands its callbacks a Request). */
export function clientIpOf(request: Request): string {
  return ipLimitKey(clientAddressOf(request.headers));
}

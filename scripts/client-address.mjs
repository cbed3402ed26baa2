// @ts-check
// Who the client is, for per-IP limits and the private-feed sharing check: the socket's
// address, or, only where TRUSTED_PROXIES says proxies stand in front, the right-most
// X-Forwarded-For entry that is not one of them (proxy-addr: Express's "trust proxy").
// scripts/server.mjs writes it into CLIENT_ADDRESS_HEADER after dropping whatever a
// client sent under that name, and the app (lib/auth/client-address.ts) reads only that,
// so no client can choose the address it is counted under.
import net from 'node:net';
import proxyaddr from 'proxy-addr';

export const CLIENT_ADDRESS_HEADER = 'x-steady-spine-client-address';
/**
 * The server names CLIENT_ADDRESS_HEADER here (same process) when it sets it; the app trusts
 * the header only then, so under a server that does not strip it (bare `next start`) no
 * client can set it either.
 */
export const CLIENT_ADDRESS_KEY = Symbol.for('steady-spine.client-address-header');

/** Beyond this many hops a count is a typo, not a deployment. */
const MAX_HOPS = 10;
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const USAGE = 'must be a hop count (0 to 10) or a comma-separated list of proxy addresses and CIDR ranges, e.g. "1" or "10.0.0.0/8, loopback"';

/**
 * Parses TRUSTED_PROXIES into proxy-addr's trust function: unset or empty trusts nobody (the
 * socket's address is the client); "2" trusts the two nearest hops whatever their address;
 * a list trusts those addresses, ranges and proxy-addr's names (loopback, linklocal, uniquelocal).
 * Throws a message on anything else (a bad value must stop the start, not trust the wrong hop).
 * @param {string | undefined} value
 * @returns {(address: string, hop: number) => boolean}
 */
export function parseTrustedProxies(value) {
  const text = (value ?? '').trim();
  if (text === '') return () => false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) throw new Error(`${USAGE}; "${text}" hops is more than any real chain`);
    return (_address, hop) => hop < hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    // proxy-addr also takes legacy spellings ("3232235777"); only plain addresses are clear.
    const [address, bits, ...rest] = entry.split('/');
    if (!NAMED_RANGES.has(entry.toLowerCase()) && (!net.isIP(address) || rest.length > 0 || (bits !== undefined && !/^\d+$/.test(bits)))) {
      throw new Error(`${USAGE}; "${entry}" is not an IP address or CIDR range`);
    }
  }
  try {
    return proxyaddr.compile(entries.map((entry) => (NAMED_RANGES.has(entry.toLowerCase()) ? entry.toLowerCase() : entry)));
  } catch (error) {
    throw new Error(`${USAGE}; ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * One spelling per address: IPv4-mapped IPv6 as IPv4, no brackets or port (some proxies add one).
 * @param {string | undefined} address
 */
function plainAddress(address) {
  const text = (address ?? '').trim();
  const unwrapped = /^\[([^\]]+)\](?::\d+)?$/.exec(text)?.[1] ?? /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(text)?.[1] ?? text;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(unwrapped)?.[1];
  const plain = mapped ?? unwrapped;
  return net.isIP(plain) ? plain : null;
}

/**
 * The client's address: the nearest hop TRUSTED_PROXIES does not trust. Null only when the
 * socket is already gone. A trusted proxy's junk entry counts as that proxy's own address.
 * @param {import('node:http').IncomingMessage} req
 * @param {(address: string, hop: number) => boolean} trust
 * @returns {string | null}
 */
export function resolveClientAddress(req, trust) {
  const socket = plainAddress(req.socket.remoteAddress);
  if (!socket) return null;
  const addresses = proxyaddr.all(req, trust);
  for (let i = addresses.length - 1; i >= 0; i--) {
    const address = plainAddress(addresses[i]);
    if (address) return address;
  }
  return socket;
}

/**
 * A per-request step for the server: replaces CLIENT_ADDRESS_HEADER, whatever the client sent,
 * with the resolved address. Throws on a bad TRUSTED_PROXIES.
 * @param {string | undefined} trustedProxies
 * @returns {(req: import('node:http').IncomingMessage) => void}
 */
export function clientAddressStep(trustedProxies) {
  const trust = parseTrustedProxies(trustedProxies);
  /** @type {Record<symbol, unknown>} */ (globalThis)[CLIENT_ADDRESS_KEY] = CLIENT_ADDRESS_HEADER;
  return (req) => {
    const address = resolveClientAddress(req, trust);
    delete req.headers[CLIENT_ADDRESS_HEADER];
    /** @type {string[]} */
    const raw = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      if (req.rawHeaders[i].toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
    if (address) {
      req.headers[CLIENT_ADDRESS_HEADER] = address;
      raw.push(CLIENT_ADDRESS_HEADER, address);
    }
    req.rawHeaders = raw;
  };
}

// The client's per-IP limit key for server actions and pages: the address the app server
// resolved (lib/auth/client-address.ts), never a header the client could write itself.
import 'server-only';
import { headers } from 'next/headers';
import { clientAddressOf, ipLimitKey } from './client-address';

export async function clientIp(): Promise<string> {
  return ipLimitKey(clientAddressOf(await headers()));
}

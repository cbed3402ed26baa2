// The staff dashboard's bench row (BENCH_ONLY=dashboard): /staff rendered for the demo
// admin on PostgreSQL with 10,000 members and 200,000 completions (bench/seed-dashboard.ts),
// on an instance of its own with its own Stripe emulator (MRR needs the prices), over a
// bounded number of requests at a few connections: it is a page a handful of staff open,
// not one to flood. Target (DESIGN.md): p99 under 1 s.
import { spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { startLocalStripe } from '../scripts/lib/local-stripe';
import { signInCookie, startAppServer, waitFor } from './app-server';
import { planPostgres } from './cluster';
import { DASHBOARD_SCALE } from './dashboard-data';
import { throwawayServerDatabase } from './harness';
import { loadRequests, type Row } from './load';

const REQUESTS = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 200);
const CONNECTIONS = 4;

export interface DashboardResult {
  row: Row | null;
  note: string;
}

export async function benchDashboard(ports: { app: number; stripe: number }, track: (child: ChildProcess) => void, cleanups: (() => Promise<unknown>)[]): Promise<DashboardResult> {
  const plan = await planPostgres('the dashboard row');
  if ('skipped' in plan) return { row: null, note: plan.skipped };
  const database = await throwawayServerDatabase(plan.postgres, 'bench_dashboard');
  cleanups.push(database.drop);
  console.log(`Seeding ${DASHBOARD_SCALE.members.toLocaleString('en-GB')} members and ${DASHBOARD_SCALE.completions.toLocaleString('en-GB')} completions for the dashboard row…`);
  const seeded = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join('bench', 'seed-dashboard.ts'), database.url], { stdio: 'inherit' });
  if (seeded.status !== 0) throw new Error('Seeding the dashboard data failed');

  const stripe = await startLocalStripe({ appPort: ports.app, emulatorPort: ports.stripe });
  const server = startAppServer({ port: ports.app, databaseUrl: database.url, authSecret: crypto.randomBytes(32).toString('base64url'), stripeEnv: stripe.env, stderr: 'keep' });
  track(server.child);
  try {
    await waitFor(`${server.origin}/search`, 180_000, server.child).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${server.log()}`);
    });
    await database.settle();
    const cookie = await signInCookie(server.origin, 'admin@steadyspine.example', 'demo-admin-pass');
    const html = (await (await fetch(`${server.origin}/staff`, { headers: { Cookie: cookie } })).text()).replaceAll('<!-- -->', '');
    const total = /data-testid="member-list-total">([\d,]+) members/.exec(html)?.[1];
    if (!html.includes('data-testid="mrr"') || !total || Number(total.replaceAll(',', '')) < DASHBOARD_SCALE.members) {
      throw new Error(`The admin's dashboard does not show MRR and the ${DASHBOARD_SCALE.members} members (member list total: ${total ?? 'none'})`);
    }
    const row = await loadRequests(`staff dashboard (admin, ${total} members, ${REQUESTS} requests, ${CONNECTIONS} connections)`, `${server.origin}/staff`, { Cookie: cookie }, { amount: REQUESTS, connections: CONNECTIONS });
    return { row, note: '' };
  } finally {
    await server.stop();
    await stripe.emulator.close();
  }
}

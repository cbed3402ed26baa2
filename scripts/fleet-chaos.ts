// npm run fleet:chaos: the production layout under a mixed load, and what it does when a
// part fails (scripts/lib/fleet-chaos.ts): 60 s of steady load, an app instance killed and
// restarted, PostgreSQL "restarted" (the run's own proxy drops every connection for 8 s),
// the run's own Redis stopped and started, and a rolling deploy. Prints the table and
// each case's checks; exits 1 if any check failed. Loopback only, bounded in time.
//   FLEET_CHAOS_SECONDS=60          seconds of load per case
//   FLEET_CHAOS_CASES=steady,…      some cases only (default: all)
//   FLEET_CHAOS_PORT=4120           nginx's port (the run takes the next nine)
//   FLEET_CHAOS_ECHO=1              print the instances' and nginx's output
//   FLEET_NODE_OPTIONS=…            NODE_OPTIONS for the instances (e.g. another heap limit)
import { z } from 'zod';
import { CHAOS_CASES, formatReport, runCase, startChaosFleet, type CaseReport } from './lib/fleet-chaos';
import { ensureProductionBuild } from './lib/prepare-build';

const settings = z
  .object({
    FLEET_CHAOS_SECONDS: z.coerce.number().int().min(15).max(600).default(60),
    FLEET_CHAOS_CASES: z
      .string()
      .default(CHAOS_CASES.join(','))
      .transform((list) => list.split(',').map((c) => c.trim()).filter(Boolean))
      .pipe(z.array(z.enum(CHAOS_CASES)).min(1)),
    FLEET_CHAOS_PORT: z.coerce.number().int().min(1024).max(65_000).default(4120),
  })
  .safeParse(process.env);
if (!settings.success) {
  console.error(`Invalid settings:\n${settings.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  process.exit(1);
}
const { FLEET_CHAOS_SECONDS: seconds, FLEET_CHAOS_CASES: cases, FLEET_CHAOS_PORT: port } = settings.data;

ensureProductionBuild({ SITE_URL: `http://127.0.0.1:${port}` });
console.log(`Starting the fleet (nginx at 127.0.0.1:${port}, two instances, PostgreSQL through the run's proxy, its own Redis, the Stripe emulator)…`);
const chaos = await startChaosFleet({ port, build: false, echo: process.env.FLEET_CHAOS_ECHO === '1', env: process.env.FLEET_NODE_OPTIONS ? { NODE_OPTIONS: process.env.FLEET_NODE_OPTIONS } : undefined });
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  console.log('Stopping after this case…');
});

const reports: CaseReport[] = [];
try {
  for (const name of cases) {
    if (interrupted) break;
    console.log(`\n${name}: ${seconds} s of load…`);
    const report = await runCase(chaos, name, { seconds });
    reports.push(report);
    console.log(formatReport([report]));
  }
} finally {
  await chaos.stop();
}
console.log(`\nMixed load: 4 readers (articles, feed), 6 members (session page, completion, questions), 2 coaches (answers), Stripe webhooks with 30% duplicates; ${seconds} s per case.`);
console.log('"refused": writes the site answered with a refusal, not an acknowledgement (each member may complete 60 sessions an hour). RSS MB: each instance when the case ended (target under 300 MB).\n');
console.log(formatReport(reports));
process.exit(reports.every((r) => r.checks.every((c) => c.ok)) && !interrupted ? 0 : 1);

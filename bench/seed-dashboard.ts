// Before the dashboard row's app starts: 10,000 members and 200,000 completions written
// straight into its database (bench/dashboard-data.ts). Run with --conditions=react-server
// (lib/ modules are server-only). Argument: the database URL.
import { openConnection } from '../lib/db/connection';
import { migrate } from '../lib/db/migrate';
import { resolveDatabaseTarget } from '../lib/db/target';
import { phaseDefinitions } from '../lib/programme/store';
import { DASHBOARD_SCALE, seedDashboardScale } from './dashboard-data';
import { runBenchmark } from './harness';

async function main() {
  const connection = openConnection(resolveDatabaseTarget(process.argv[2]));
  try {
    await migrate(connection); // a server database is still empty; the app would do this on start
    await seedDashboardScale(connection.prisma, { ...DASHBOARD_SCALE, now: new Date(), phases: phaseDefinitions() });
  } finally {
    await connection.close();
  }
}

runBenchmark(main);

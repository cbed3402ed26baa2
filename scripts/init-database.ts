// Creates and migrates the embedded database in its own short-lived process. PGlite's
// first start (initdb) grows its WASM heap to ~750 MB, which a process never gives back;
// doing it here lets the long-running server open an existing directory at ~180 MB.
import { openConnection } from '../lib/db/connection';
import { migrate } from '../lib/db/migrate';
import { describeTarget, resolveDatabaseTarget } from '../lib/db/target';
import { env } from '../lib/env';

const target = resolveDatabaseTarget(env.DATABASE_URL);
const connection = openConnection(target);
const { applied } = await migrate(connection);
await connection.close();
console.log(`Created ${describeTarget(target)}${applied.length ? ` and applied ${applied.length} migration(s)` : ''}.`);

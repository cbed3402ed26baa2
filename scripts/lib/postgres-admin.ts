// One statement on a PostgreSQL server's maintenance database (CREATE or DROP DATABASE),
// for the tests and runs that make databases of their own beside the shared ones.
import pg from 'pg';

/** Runs `sql` on `${server}/postgres`; `server` is postgres://user@host:port without a database. */
export async function adminQuery(server: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${server}/postgres`, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

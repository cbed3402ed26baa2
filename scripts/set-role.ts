// npm run role -- <email> <member|coach|admin>
// Sets an account's role on the database DATABASE_URL names (the embedded one when
// unset). The first admin of a real site is made this way; later ones from /staff/members.
import { setRoleByEmail } from '../lib/auth/set-role';
import { openConnection } from '../lib/db/connection';
import { describeTarget, resolveDatabaseTarget } from '../lib/db/target';
import { env } from '../lib/env';

const [email = '', role = ''] = process.argv.slice(2);
const target = resolveDatabaseTarget(env.DATABASE_URL);
const connection = openConnection(target);
try {
  const result = await setRoleByEmail(connection.prisma, email, role);
  if (!result.ok) {
    console.error(`✗ ${result.message}\n  Usage: npm run role -- <email> <member|coach|admin>`);
    process.exitCode = 1;
  } else {
    console.log(`✓ ${result.email} is now ${result.role.toLowerCase()} (was ${result.previous.toLowerCase()}) on ${describeTarget(target)}. It applies from their next page view.`);
  }
} finally {
  await connection.close();
}

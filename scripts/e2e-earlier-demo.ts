// For the security specs: makes the database of an operator who once tried the demo on it,
// as `npm start` on a loopback SITE_URL leaves it (migrated, the demo accounts with their
// published passwords, a sign-in email in the outbox). scripts/e2e-production-server.ts
// then starts the real site on it. Run with --conditions=react-server (lib/ is server-only).
import fs from 'node:fs';
import { openConnection } from '../lib/db/connection';
import { migrate } from '../lib/db/migrate';
import { seedDemoAccounts } from '../lib/demo/demo-accounts';
import { EARLIER_DEMO_DATABASE_DIR, EARLIER_DEMO_EMAIL_ID } from '../e2e/security/earlier-demo';

fs.rmSync(EARLIER_DEMO_DATABASE_DIR, { recursive: true, force: true });
const connection = openConnection({ kind: 'pglite', dataDir: EARLIER_DEMO_DATABASE_DIR });
await migrate(connection);
await seedDemoAccounts(connection.prisma);
await connection.prisma.outboxEmail.create({
  data: {
    id: EARLIER_DEMO_EMAIL_ID,
    to: 'admin@steadyspine.example',
    subject: 'Your sign-in link',
    text: 'Sign in to Steady Spine: http://localhost:3000/sign-in/link?token=left-over-from-the-demo',
    html: '<p>Sign in</p>',
    template: 'magic-link',
    status: 'SENT',
    sentAt: new Date(),
  },
});
await connection.close();

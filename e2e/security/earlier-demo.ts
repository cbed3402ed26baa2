// The production-mode server starts on a database an operator once ran the demo on
// (scripts/e2e-earlier-demo.ts seeds it): the demo accounts with their published
// passwords, and a sign-in email left in the outbox. The specs check none of it helps.
import path from 'node:path';

export const EARLIER_DEMO_DATABASE_DIR = path.resolve('test-results', 'production-db');

/** The id of the sign-in email the earlier demo left in the outbox. */
export const EARLIER_DEMO_EMAIL_ID = 'earlier-demo-sign-in-email';

// People for a fleet under test or bench: a production site has no demo accounts, so the
// members and coaches a workload signs in as are written into the fleet's database here
// (as an admin's comp grant and `npm run role` would make them), then signed in through
// nginx with Auth.js's own credentials endpoint, each from a client address of its own
// (X-Forwarded-For, which nginx passes on and TRUSTED_PROXIES=loopback trusts), so the
// per-address sign-in limit counts each one separately, as real members on their own
// connections.
import { hash } from '@node-rs/argon2';
import crypto from 'node:crypto';
import pg from 'pg';
import { ARGON2_PARAMETERS } from '../../lib/auth/password-hashing';

export interface FleetPerson {
  id: string;
  email: string;
  name: string;
  role: 'MEMBER' | 'COACH';
  /** A documentation address (TEST-NET-3) the person's requests come from. */
  clientAddress: string;
}

/** One password for every generated person: hashing is the slow part of making them. */
export const FLEET_PASSWORD = `fleet-${crypto.randomBytes(9).toString('base64url')}`;

/** argon2id with the app's parameters. */
const hashed = () => hash(FLEET_PASSWORD, ARGON2_PARAMETERS);

/**
 * Writes `members` entitled members (a comp grant without an end) and `coaches` coaches
 * into the database at `databaseUrl`, named `<label>-member-N@example.com`.
 */
export async function createFleetPeople(databaseUrl: string, label: string, counts: { members: number; coaches: number }): Promise<FleetPerson[]> {
  const passwordHash = await hashed();
  const people: FleetPerson[] = [];
  const make = (role: FleetPerson['role'], index: number): FleetPerson => ({
    id: `fleet_${label}_${role.toLowerCase()}_${index}`,
    email: `${label}-${role.toLowerCase()}-${index}@example.com`,
    name: `${role === 'COACH' ? 'Coach' : 'Member'} ${label} ${index}`,
    role,
    clientAddress: `203.0.113.${(people.length % 250) + 1}`,
  });
  for (let i = 0; i < counts.members; i++) people.push(make('MEMBER', i));
  for (let i = 0; i < counts.coaches; i++) people.push(make('COACH', i));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const person of people) {
      await client.query(
        `INSERT INTO "User" (id, email, name, role, "passwordHash", "emailVerified", "updatedAt") VALUES ($1, $2, $3, $4::"Role", $5, now(), now())`,
        [person.id, person.email, person.name, person.role, passwordHash],
      );
      if (person.role === 'MEMBER') {
        await client.query(`INSERT INTO "CompGrant" (id, "userId", reason) VALUES ($1, $2, 'fleet workload')`, [`${person.id}_comp`, person.id]);
      }
    }
  } finally {
    await client.end();
  }
  return people;
}

/** Signs `person` in through Auth.js at `siteUrl` (nginx) and returns the session cookie. */
export async function signInThrough(siteUrl: string, person: FleetPerson): Promise<string> {
  const from = { 'X-Forwarded-For': person.clientAddress };
  const csrf = await fetch(`${siteUrl}/api/auth/csrf`, { headers: from });
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${siteUrl}/api/auth/callback/password`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...from, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: person.email, password: FLEET_PASSWORD, callbackUrl: `${siteUrl}/account` }),
  });
  const session = response.headers.getSetCookie().find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!session) throw new Error(`Signing in ${person.email} through ${siteUrl} failed (HTTP ${response.status})`);
  return session.split(';')[0];
}

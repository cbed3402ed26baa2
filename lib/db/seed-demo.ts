// Demo data for `npm start`: idempotent (upserts by email), safe to run on every start.
import type { PrismaClient } from './generated/client';

export const DEMO_USERS = [
  { email: 'maya@steadyspine.example', name: 'Maya Okafor', role: 'COACH' },
  { email: 'tom@steadyspine.example', name: 'Tom Reilly', role: 'COACH' },
  { email: 'admin@steadyspine.example', name: 'Avery Admin', role: 'ADMIN' },
  { email: 'member@steadyspine.example', name: 'Morgan Member', role: 'MEMBER' },
  { email: 'reader@steadyspine.example', name: 'Riley Reader', role: 'MEMBER' },
] as const;

export async function seedDemoData(db: PrismaClient): Promise<{ users: number }> {
  for (const user of DEMO_USERS) {
    await db.user.upsert({ where: { email: user.email }, create: user, update: { name: user.name, role: user.role } });
  }
  return { users: DEMO_USERS.length };
}

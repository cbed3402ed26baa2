// Demo progress for `npm start`: the subscribed demo member has finished Phase One's
// recommended runs, is on Phase Two with 3 of 4 runs done and one session to go in the
// fourth, and rated effort and pain along the way (so the dashboard has a story).
import 'server-only';
import { getPhases } from '@/lib/content/programme';
import { DEMO_SUBSCRIBER_EMAIL } from '@/lib/demo/demo-users';
import type { PrismaClient } from '@/lib/db/generated/client';

const DAY = 86_400_000;

export async function seedDemoProgramme(db: PrismaClient, now = new Date()): Promise<'seeded' | 'exists' | 'skipped'> {
  const [phaseOne, phaseTwo] = getPhases();
  const user = await db.user.findUnique({ where: { email: DEMO_SUBSCRIBER_EMAIL }, select: { id: true } });
  if (!user || !phaseOne || !phaseTwo) return 'skipped';
  if (await db.sessionCompletion.count({ where: { userId: user.id } })) return 'exists';

  const rows: { userId: string; phaseSlug: string; sessionSlug: string; completedAt: Date; requestKey: string; effort: number; pain: number }[] = [];
  let day = 45;
  const run = (phase: typeof phaseOne, sessions = phase.sessions) => {
    for (const [i, session] of sessions.entries()) {
      const n = rows.length;
      rows.push({
        userId: user.id,
        phaseSlug: phase.slug,
        sessionSlug: session.slug,
        // A run in one sitting, a few minutes apart; runs two days apart.
        completedAt: new Date(now.getTime() - day * DAY - (sessions.length - i) * 60_000),
        requestKey: `demo-seed-${n.toString().padStart(4, '0')}-${session.slug}`.slice(0, 64),
        effort: 4 + (n % 3),
        pain: Math.max(1, 6 - Math.floor(n / 6)),
      });
    }
    day -= 2;
  };
  for (let r = 0; r < phaseOne.recommendedRuns; r++) run(phaseOne);
  for (let r = 0; r < phaseTwo.recommendedRuns - 1; r++) run(phaseTwo);
  // The unfinished run is at noon UTC yesterday, so the streak (counted on UTC dates)
  // reads "1 day" whatever the time of seeding; "now minus 24 h" fell on the day before
  // yesterday when seeding just after midnight.
  const startOfTodayUtc = Math.floor(now.getTime() / DAY) * DAY;
  day = (now.getTime() - (startOfTodayUtc - DAY / 2)) / DAY;
  run(phaseTwo, phaseTwo.sessions.slice(0, -1));
  await db.sessionCompletion.createMany({ data: rows, skipDuplicates: true });
  await db.programmeState.upsert({ where: { userId: user.id }, create: { userId: user.id, currentPhaseSlug: phaseTwo.slug }, update: {} });
  return 'seeded';
}

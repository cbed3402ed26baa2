// A year of a small business for the demo's staff dashboard: 42 fictional members (addresses
// at example.com) who joined over the last 12 months. Most pay monthly or yearly; some
// trial, some cards failed, some cancel at period end, some lapsed, two are complimentary.
// Some train steadily, some have gone quiet (nothing in 14+ days), some finished Phase One's
// recommended runs and never moved on; they rate pain (easing over time) and effort. They
// ask coaches questions, answered after anything from 20 minutes to two days; a few wait.
// Deterministic (a function of the member's number and `now`), written in a few bulk
// statements, and never touching the demo accounts' own data.
import 'server-only';
import { loadPlansForPage } from '@/lib/billing/plans';
import { postComment } from '@/lib/comments/store';
import { resolveTarget } from '@/lib/comments/targets';
import { getPhases } from '@/lib/content/programme';
import type { Prisma, PrismaClient } from '@/lib/db/generated/client';

const DAY = 86_400_000;
const FIRST = ['Aisha', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonah', 'Kiri', 'Liam', 'Mei', 'Noah'];
const LAST = ['Bennett', 'Castillo', 'Doyle'];
const MEMBERS = FIRST.length * LAST.length; // 42
/** Fallback price ids: the local Stripe emulator's (tools/stripe-emulator/store.ts). */
const EMULATOR_PRICES = { month: 'price_membership_monthly', year: 'price_membership_annual' };

const QUESTIONS = [
  'Is it normal to feel a stretch in my hamstrings during the bridges?',
  'Should I keep going with the sessions while I have a cold?',
  'My back feels stiff the morning after a session. Should I rest a day?',
  'Can I do two sessions in one day to catch up?',
  'What should I do if the side plank hurts my shoulder?',
  'How do I know I am bracing gently and not too hard?',
];
const ANSWER = 'Good question. Keep it easy and comfortable: a little stiffness that settles within a day is fine. If it lingers, drop back a level and tell us how it goes.';
/** Minutes to a coach's first answer, in turn (null: still waiting). */
const RESPONSE_MINUTES = [20, 95, 240, 30, 600, 1440, null, 75, 2880, 180, null, 45];

interface StoryMember {
  index: number;
  email: string;
  name: string;
  joinedAt: Date;
}

export const STORY_EMAIL_DOMAIN = 'example.com';
const storyEmail = (first: string, last: string) => `${first}.${last}`.toLowerCase() + `@${STORY_EMAIL_DOMAIN}`;

/** The story's people, the newest first: member i joined about 8.5 × i days ago. */
function storyMembers(now: Date): StoryMember[] {
  return Array.from({ length: MEMBERS }, (_, i) => {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length)];
    return { index: i, email: storyEmail(first, last), name: `${first} ${last}`, joinedAt: new Date(now.getTime() - Math.round((3 + i * 8.5) * DAY) - i * 3_600_000) };
  });
}

type Fate = 'trialing' | 'active' | 'past_due' | 'cancelling' | 'lapsed' | 'complimentary';
type Habit = 'steady' | 'quiet' | 'stuck';

function fateOf(m: StoryMember, now: Date): Fate {
  const days = (now.getTime() - m.joinedAt.getTime()) / DAY;
  if (days < 14) return 'trialing';
  if (m.index === 9 || m.index === 30) return 'complimentary';
  if (m.index % 7 === 4) return 'lapsed';
  if (m.index % 11 === 6) return 'past_due';
  if (m.index % 9 === 7) return 'cancelling';
  return 'active';
}

function habitOf(m: StoryMember, fate: Fate): Habit {
  if (fate === 'trialing') return 'steady';
  if (m.index % 5 === 2) return 'quiet';
  if (m.index % 6 === 3 && m.index > 6) return 'stuck';
  return 'steady';
}

export async function seedDashboardStory(db: PrismaClient, now = new Date()): Promise<'seeded' | 'exists' | 'skipped'> {
  const people = storyMembers(now);
  if (await db.user.findUnique({ where: { email: people[0].email }, select: { id: true } })) return 'exists';
  const phases = getPhases();
  const coaches = await db.user.findMany({ where: { role: 'COACH' }, select: { id: true }, orderBy: { email: 'asc' } });
  if (phases.length < 2 || coaches.length === 0) return 'skipped';
  const { plans } = await loadPlansForPage();
  const priceFor = (interval: 'month' | 'year') => plans.find((p) => p.interval === interval)?.priceId ?? EMULATOR_PRICES[interval];

  await db.user.createMany({ data: people.map((m) => ({ id: `demo-story-${m.index}`, email: m.email, name: m.name, role: 'MEMBER' as const, emailVerified: m.joinedAt, createdAt: m.joinedAt })), skipDuplicates: true });
  const idOf = (m: StoryMember) => `demo-story-${m.index}`;
  const fates = new Map(people.map((m) => [m.index, fateOf(m, now)]));

  const subscriptions: Prisma.SubscriptionCreateManyInput[] = [];
  const comps: Prisma.CompGrantCreateManyInput[] = [];
  for (const m of people) {
    const fate = fates.get(m.index)!;
    if (fate === 'complimentary') {
      comps.push({ userId: idOf(m), reason: 'Demo: a friend of the practice', createdAt: m.joinedAt });
      continue;
    }
    const yearly = m.index % 4 === 3;
    const periodEnd = new Date(now.getTime() + (((m.index * 5) % 27) + 1) * DAY);
    // Spread over the year, never sooner than 20 days after joining (lapsed members joined 37+ days ago).
    const lapsedAt = new Date(Math.max(now.getTime() - (((m.index * 23) % 300) + 3) * DAY, m.joinedAt.getTime() + 20 * DAY));
    subscriptions.push({
      id: `sub_demo_story_${m.index}`, userId: idOf(m), customerId: `cus_demo_story_${m.index}`,
      status: fate === 'lapsed' ? 'canceled' : fate === 'cancelling' ? 'active' : fate,
      priceId: priceFor(yearly ? 'year' : 'month'), interval: yearly ? 'year' : 'month',
      currentPeriodEnd: fate === 'lapsed' ? lapsedAt : fate === 'trialing' ? new Date(m.joinedAt.getTime() + 14 * DAY) : periodEnd,
      cancelAtPeriodEnd: fate === 'cancelling',
      canceledAt: fate === 'lapsed' ? lapsedAt : null,
      endedAt: fate === 'lapsed' ? lapsedAt : null,
      trialEnd: new Date(m.joinedAt.getTime() + 14 * DAY),
      createdAt: m.joinedAt,
    });
  }
  await db.subscription.createMany({ data: subscriptions, skipDuplicates: true });
  await db.compGrant.createMany({ data: comps });

  const completions: Prisma.SessionCompletionCreateManyInput[] = [];
  const states: Prisma.ProgrammeStateCreateManyInput[] = [];
  for (const m of people) {
    const fate = fates.get(m.index)!;
    if (fate === 'lapsed') continue;
    const habit = habitOf(m, fate);
    // Phase One's recommended runs for the stuck; otherwise a few runs, in Phase Two for long-standing members.
    const phase = habit !== 'stuck' && m.index > 20 ? phases[1] : phases[0];
    const runs = habit === 'stuck' ? phases[0].recommendedRuns : 1 + (m.index % 3);
    const lastDay = habit === 'quiet' ? 15 + (m.index % 20) : m.index % 4;
    const gapDays = Math.max(1, phase.minDaysBetweenRuns) + 1;
    for (let r = 0; r < runs; r++) {
      const runDay = lastDay + (runs - 1 - r) * gapDays;
      if (runDay * DAY > now.getTime() - m.joinedAt.getTime()) continue; // not before they joined
      phase.sessions.forEach((session, s) => {
        const n = completions.length;
        completions.push({
          userId: idOf(m), phaseSlug: phase.slug, sessionSlug: session.slug,
          completedAt: new Date(now.getTime() - runDay * DAY - (phase.sessions.length - s) * 25 * 60_000 - 9 * 3_600_000),
          requestKey: `demo-story-${m.index}-${r}-${s}`,
          pain: Math.max(0, 6 - r - (n % 3)),
          effort: Math.min(10, 4 + r + (n % 2)),
        });
      });
    }
    states.push({ userId: idOf(m), currentPhaseSlug: phase.slug });
  }
  await db.sessionCompletion.createMany({ data: completions, skipDuplicates: true });
  await db.programmeState.createMany({ data: states, skipDuplicates: true });

  await seedStoryQuestions(db, now, people.filter((m) => fates.get(m.index) !== 'lapsed'), coaches.map((c) => c.id));
  return 'seeded';
}

/** Questions under articles no other demo thread uses, answered after RESPONSE_MINUTES, over the last four weeks. */
async function seedStoryQuestions(db: PrismaClient, now: Date, askers: StoryMember[], coachIds: string[]) {
  const targets = [resolveTarget({ kind: 'article', slug: 'hip-mobility-routine' }), resolveTarget({ kind: 'article', slug: 'breathing-for-core-control' })].filter((t) => t !== null);
  if (targets.length === 0) return;
  for (let i = 0; i < RESPONSE_MINUTES.length; i++) {
    const asker = askers[(i * 5) % askers.length];
    const askedAt = new Date(now.getTime() - (26 - i * 2) * DAY - (i % 5) * 3_600_000);
    const target = targets[i % targets.length];
    const question = await postComment({ target, authorId: `demo-story-${asker.index}`, authorIsStaff: false, parentId: null, body: QUESTIONS[i % QUESTIONS.length] }, { db, now: askedAt });
    const minutes = RESPONSE_MINUTES[i];
    if (!question.ok || minutes === null) continue;
    const answeredAt = new Date(askedAt.getTime() + minutes * 60_000);
    if (answeredAt > now) continue;
    await postComment({ target, authorId: coachIds[i % coachIds.length], authorIsStaff: true, parentId: question.id, body: ANSWER }, { db, now: answeredAt });
  }
}

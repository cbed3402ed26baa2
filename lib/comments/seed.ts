// Demo conversations for `npm start`: member questions with coach answers and
// follow-ups three levels deep, and some questions still waiting for a coach.
import 'server-only';
import { isStaffRole } from '@/lib/auth/roles';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import type { PrismaClient } from '@/lib/db/generated/client';
import { postComment } from './store';
import { resolveTarget, type TargetRef } from './targets';

type Who = 'member' | 'reader' | 'maya' | 'tom';
interface Line { who: Who; text: string; replies?: Line[] }

const THREADS: { target: TargetRef; lines: Line[] }[] = [
  {
    target: { kind: 'article', slug: 'what-to-do-in-a-back-pain-flare-up' },
    lines: [
      {
        who: 'member',
        text: 'How long should I rest completely when a flare-up starts? I usually stay in bed for two days.',
        replies: [
          {
            who: 'maya',
            text: 'Short answer: **as little as you can**. A few hours of rest to calm things down is fine, but moving gently within the first day usually shortens the flare. Try short walks around the house every hour.',
            replies: [
              {
                who: 'member',
                text: 'Thanks! What if walking makes it worse after about five minutes?',
                replies: [{ who: 'maya', text: 'Then walk for three minutes, more often. Stop *before* it ramps up, not after. Build by a minute a day.' }],
              },
            ],
          },
        ],
      },
      { who: 'reader', text: 'Is heat or ice better in the first 24 hours?' },
    ],
  },
  {
    target: { kind: 'article', slug: 'sciatica-myths' },
    lines: [
      {
        who: 'reader',
        text: 'My MRI shows a disc bulge at L5/S1. Does that mean I will always have sciatica?',
        replies: [{ who: 'tom', text: 'No. Disc bulges are common in people with no pain at all, and most sciatica settles over weeks to months. The article’s section on imaging goes into this.' }],
      },
      { who: 'member', text: 'Can I still run while my leg pain is settling?' },
    ],
  },
  {
    target: { kind: 'phase', slug: 'phase-one' },
    lines: [
      {
        who: 'member',
        text: 'I am on my third run of Phase One. Do I have to do all five before Phase Two?',
        replies: [{ who: 'tom', text: 'Five is what we recommend, because the control you build here carries the next phase. If runs three and four feel easy, you are nearly there.' }],
      },
    ],
  },
];

/**
 * A busy thread: more questions than a page shows at once, so the demo (and the e2e
 * tests) have "Show more" buttons. Asked by demo community members (no password: they
 * never sign in) and answered by the coaches.
 */
const BUSY_THREAD: TargetRef = { kind: 'article', slug: 'understanding-your-mri-report' };
const COMMUNITY = ['Priya Shah', 'Daniel Brooks', 'Aisha Bello', 'Lukas Meyer', 'Sofia Rossi', 'Tom Nguyen', 'Hannah Clarke', 'Omar Haddad'];
const BUSY_QUESTIONS = [
  'My report says “mild degenerative changes”. Is that bad news at 38?',
  'What does “annular fissure” mean? It sounds like a tear.',
  'Should I ask for a second MRI if my pain has changed?',
  'Is a “broad-based disc protrusion” the same as a slipped disc?',
  'The report mentions Modic changes. Do they explain my morning stiffness?',
  'Can I do the programme with a diagnosed spondylolisthesis?',
  'My scan was normal but I still hurt. Does that mean it is in my head?',
  'Facet joint arthropathy at L4/5: should I avoid bending backwards?',
  'Is it worth paying for a private MRI to find out what is wrong?',
  'The radiologist wrote “nerve root contact”. Will that cause numbness later?',
  'How often do disc bulges shrink on their own?',
  'My report lists four levels. Which one is causing the pain?',
];
const BUSY_ANSWERS = [
  'Those words describe how most backs look with age, pain or not. The article’s table shows how common they are in people with no symptoms at all.',
  'Not on its own. What matters more is how you respond to movement over the next weeks; the programme is built to find that out safely.',
  'A scan rarely changes what we do. If you have new numbness, weakness or trouble with your bladder, see a doctor the same day; otherwise keep moving.',
];

export async function seedDemoComments(db: PrismaClient, now = new Date()): Promise<'seeded' | 'exists' | 'skipped'> {
  if (await db.comment.count()) return 'exists';
  const users = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { id: true, email: true, role: true } });
  const byWho = (who: Who) => users.find((u) => u.email.startsWith(`${who}@`));
  let minutesAgo = 60 * 24 * 6;
  async function postLines(target: NonNullable<ReturnType<typeof resolveTarget>>, lines: Line[], parentId: string | null) {
    for (const line of lines) {
      const author = byWho(line.who);
      if (!author) continue;
      minutesAgo -= 90;
      const result = await postComment({ target, authorId: author.id, authorIsStaff: isStaffRole(author.role), parentId, body: line.text }, { db, now: new Date(now.getTime() - minutesAgo * 60_000) });
      if (result.ok && line.replies) await postLines(target, line.replies, result.id);
    }
  }
  for (const thread of THREADS) {
    const target = resolveTarget(thread.target);
    if (target) await postLines(target, thread.lines, null);
  }
  await seedBusyThread(db, now, users);
  return users.length ? 'seeded' : 'skipped';
}

async function seedBusyThread(db: PrismaClient, now: Date, users: { id: string; email: string; role: string }[]) {
  const target = resolveTarget(BUSY_THREAD);
  const coaches = users.filter((u) => isStaffRole(u.role as 'COACH'));
  if (!target || coaches.length === 0) return;
  const community = await Promise.all(
    COMMUNITY.map((name, i) => {
      const email = `community-${i + 1}@steadyspine.example`;
      return db.user.upsert({ where: { email }, update: {}, create: { email, name, role: 'MEMBER' }, select: { id: true } });
    }),
  );
  // Oldest first, a question every few hours over the last weeks; most answered.
  let at = now.getTime() - 30 * 24 * 3600_000;
  const post = (authorId: string, staff: boolean, parentId: string | null, body: string) => {
    at += 3 * 3600_000;
    return postComment({ target, authorId, authorIsStaff: staff, parentId, body }, { db, now: new Date(at) });
  };
  for (let i = 0; i < 36; i++) {
    const asker = community[(i + Math.floor(i / 12)) % community.length]; // never the same person asking the same thing twice
    const question = await post(asker.id, false, null, BUSY_QUESTIONS[i % BUSY_QUESTIONS.length]);
    if (!question.ok || i % 5 === 4) continue; // every fifth still awaits a coach
    const coach = coaches[i % coaches.length];
    const answer = await post(coach.id, true, question.id, BUSY_ANSWERS[i % BUSY_ANSWERS.length]);
    if (answer.ok && i % 3 === 0) await post(asker.id, false, answer.id, 'Thank you, that is reassuring.');
  }
}

// Demo conversations for `npm start`: member questions with coach answers and
// follow-ups three levels deep, and some questions still waiting for a coach.
import 'server-only';
import { isStaffRole } from '@/lib/auth/roles';
import { DEMO_USERS } from '@/lib/db/demo-users';
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
  return users.length ? 'seeded' : 'skipped';
}

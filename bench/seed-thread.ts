// Before the benchmark's app starts: a 1,000-comment thread under Programme Phase Three,
// nested like a real conversation, written straight into the benchmark's database.
// Run with --conditions=react-server (lib/ modules are server-only).
import { openConnection } from '../lib/db/connection';
import { runBenchmark } from './harness';
import { migrate } from '../lib/db/migrate';
import { resolveDatabaseTarget } from '../lib/db/target';

const COUNT = 1000;

async function main() {
  const connection = openConnection(resolveDatabaseTarget(process.argv[2]));
  try {
    await migrate(connection); // a server database is still empty; the app would do this on start
    const db = connection.prisma;
    const authors = await Promise.all(
      Array.from({ length: 20 }, (_, i) => db.user.create({ data: { email: `bench-commenter-${i}@example.com`, name: `Commenter ${i}`, role: i === 0 ? 'COACH' : 'MEMBER' } })),
    );
    const body = 'Is it normal that **my hips click** in the *rocking* drill?\n\n- only on the left\n- no pain\n\nNotes: https://example.com/notes';
    const start = Date.now() - COUNT * 60_000;
    await db.comment.createMany({
      data: Array.from({ length: COUNT }, (_, i) => ({
        id: `bench-${i}`,
        targetKind: 'phase',
        targetSlug: 'phase-three',
        parentId: i === 0 ? null : `bench-${Math.floor((i - 1) / 3)}`,
        rootId: 'bench-0',
        depth: Math.floor(Math.log(2 * i + 1) / Math.log(3)),
        authorId: authors[i % 20].id,
        byStaff: i % 20 === 0,
        body: `${body} (${i})`,
        bodyHash: `bench-${i}`,
        createdAt: new Date(start + i * 60_000),
      })),
    });
  } finally {
    await connection.close();
  }
}

runBenchmark(main);

// GET /account/export – the signed-in person's data as a JSON download.
import { exportAccountData } from '@/lib/auth/account';
import { requireUser } from '@/lib/auth/guards';

export async function GET() {
  const { user } = await requireUser('/account');
  const data = await exportAccountData(user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="steady-spine-account-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

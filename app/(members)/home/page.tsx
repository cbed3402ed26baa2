// /home – where signing in lands when the reader came from nowhere in particular: a
// member with a membership on their progress (/dashboard), everyone else on their
// account. A page, not a route handler, so the router follows the redirect after the
// sign-in action as a navigation.
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/viewer/viewer';

// Rendered for each request (it reads the session), so it may block.
export const instant = false;

export default async function HomeRedirect(): Promise<never> {
  const { user, entitled, isStaff } = await getViewer();
  redirect(!user ? '/sign-in' : entitled && !isStaff ? '/dashboard' : '/account');
}

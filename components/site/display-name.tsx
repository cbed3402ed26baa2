// A member's name on a page: cleaned of bidi and control characters and isolated in <bdi>,
// so whatever script it is in cannot reorder the words around it. For server and client.
import { cleanDisplayName } from '@/lib/auth/display-name';

export function DisplayName({ name, fallback = '' }: { name: string | null | undefined; fallback?: string }) {
  return <bdi>{cleanDisplayName(name) || fallback}</bdi>;
}

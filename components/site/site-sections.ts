// What the header offers everyone (header.tsx, and the menu on narrower screens), and the
// rule for Join. A plain module: the server-rendered header reads the list itself.
import type { Me } from '@/lib/viewer/me';

export const SITE_SECTIONS = [
  { href: '/articles', label: 'Articles' },
  { href: '/podcast', label: 'Podcast' },
  { href: '/programme', label: 'Programme' },
  { href: '/about', label: 'About' },
] as const;

/** Join is for people without a membership (staff count as members); not known yet: shown. */
export const mayJoin = (me: Me | null) => !me?.signedIn || !me.entitled;

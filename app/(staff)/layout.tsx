import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/site/site-chrome';
import { site } from '@/lib/site';

// Staff pages check roles themselves (lib/auth/guards.ts); a layout is not a boundary.
export default function StaffLayout({ children }: { children: ReactNode }) {
  return <SiteChrome siteName={site.name} tagline={site.tagline}>{children}</SiteChrome>;
}

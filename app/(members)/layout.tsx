import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/site/site-chrome';
import { site } from '@/lib/site';

export default function MembersLayout({ children }: { children: ReactNode }) {
  return <SiteChrome siteName={site.name} tagline={site.tagline}>{children}</SiteChrome>;
}

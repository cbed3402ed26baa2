import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/site/site-chrome';
import { site } from '@/lib/site';

/** Developer tools (the local outbox): the public chrome, so links out of them feel normal. */
export default function DevLayout({ children }: { children: ReactNode }) {
  return (
    <SiteChrome siteName={site.name} tagline={site.tagline}>
      {children}
    </SiteChrome>
  );
}

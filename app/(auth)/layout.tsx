import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/site/site-chrome';
import { site } from '@/lib/site';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <SiteChrome siteName={site.name} tagline={site.tagline}>
      <div className="container-page max-w-md py-10 sm:py-16">{children}</div>
    </SiteChrome>
  );
}

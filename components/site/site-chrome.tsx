import type { ReactNode } from 'react';
import { SiteFooter } from './footer';
import { SiteHeader } from './header';

/** Header, main landmark and footer around every page (rendered once, by the root layout). */
export function SiteChrome({ siteName, tagline, children }: { siteName: string; tagline: string; children: ReactNode }) {
  return (
    <>
      <SiteHeader siteName={siteName} />
      <main id="main" tabIndex={-1} className="outline-none">
        {children}
      </main>
      <SiteFooter siteName={siteName} tagline={tagline} />
    </>
  );
}

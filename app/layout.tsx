import { GeistSans } from 'geist/font/sans';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/site/site-chrome';
import { openGraphBase, site } from '@/lib/site';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
  description: site.description,
  applicationName: site.name,
  alternates: {
    canonical: '/',
    types: { 'application/rss+xml': [{ url: '/feed.xml', title: `${site.name} articles` }, { url: '/podcast/feed.xml', title: site.podcast.title }] },
  },
  openGraph: { ...openGraphBase, type: 'website' },
  twitter: { card: 'summary_large_image' },
  icons: { icon: '/images/brand/logo.svg' },
};

export const viewport: Viewport = {
  themeColor: '#0f766e',
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={site.language} className={GeistSans.variable}>
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:shadow-lg">
          Skip to content
        </a>
        {/* The chrome lives here, once: Next renders the root not-found page into every
            dynamic page's payload (for each layout below the root), so a 404 page that
            drew its own header and footer cost every request two extra of each. */}
        <SiteChrome siteName={site.name} tagline={site.tagline}>
          {children}
        </SiteChrome>
      </body>
    </html>
  );
}

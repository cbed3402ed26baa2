import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/site';

// Private feeds and their audio are members' own: should an address leak, crawlers keep out.
const PRIVATE = ['/api/', '/search', '/staff/', '/account', '/dashboard', '/dev/', '/podcast/private/', '/media/podcast/private/'];

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: PRIVATE }],
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}

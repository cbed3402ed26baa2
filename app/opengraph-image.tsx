import { ImageResponse } from 'next/og';
import { OG_SIZE, OgCard } from '@/components/og/og-card';
import { site } from '@/lib/site';

export const size = OG_SIZE;
export const contentType = 'image/png';
export const alt = `${site.name}: ${site.tagline}`;

export default function Image() {
  return new ImageResponse(<OgCard eyebrow={site.name} title={site.tagline} description={site.description} footer="Articles · Podcast · Programme" />, size);
}

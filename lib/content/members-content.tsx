'use server';
// The members-only part of a prerendered article, fetched after load by entitled
// members. The article's HTML is the same for everyone (the public preview), so the
// premium text only ever leaves the server here, after the entitlement check.
import { currentViewer } from '@/lib/billing/viewer';
import { articleSourceFor } from './access';
import { getArticle } from './articles';
import { MdxContent } from './mdx';

export async function loadMembersPartOfArticle(slug: string) {
  const article = typeof slug === 'string' ? getArticle(slug) : undefined;
  if (!article || article.source.premium === null) return null;
  const { source, isPreview } = articleSourceFor(article, await currentViewer());
  if (isPreview) return null;
  return <MdxContent source={source.slice(article.source.preview.length)} />;
}

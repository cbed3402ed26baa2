// Maps MDX elements to the site's components (used by lib/content/mdx.tsx).
import type { MDXComponents } from 'mdx/types';
import Link from 'next/link';
import type { ComponentPropsWithoutRef } from 'react';
import { Callout } from '@/components/content/callout';

function Anchor({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  if (href.startsWith('/')) return <Link href={href} {...rest}>{children}</Link>;
  if (href.startsWith('#')) return <a href={href} {...rest}>{children}</a>;
  return (
    <a href={href} rel="noopener noreferrer" target="_blank" {...rest}>
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

function Image({ src, alt = '', ...rest }: ComponentPropsWithoutRef<'img'>) {
  // Content images are small SVG/PNG files in public/; lazy-load them below the fold.
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={src} alt={alt} loading="lazy" decoding="async" className="rounded-xl border border-sand-200 bg-sand-50" {...rest} />;
}

function Table(props: ComponentPropsWithoutRef<'table'>) {
  return (
    <div className="overflow-x-auto" role="region" aria-label="Table" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

export const mdxComponents: MDXComponents = {
  a: Anchor,
  img: Image,
  table: Table,
  Callout,
  // Removed before rendering (see lib/content/articles.ts); harmless if left in.
  PreviewEnds: () => null,
};

export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...mdxComponents, ...components };
}

// Compiles MDX to React on the server. Content is written by staff (trusted), and
// only the part a viewer may see is ever passed in (see access.ts).
import 'server-only';
import { evaluate } from '@mdx-js/mdx';
import type { MDXComponents } from 'mdx/types';
import * as runtime from 'react/jsx-runtime';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { mdxComponents } from '@/mdx-components';
import { isProduction } from '@/lib/env';

const compiled = new Map<string, ReturnType<typeof compile>>();

function compile(source: string) {
  return evaluate(source, { ...runtime, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug] });
}

export async function MdxContent({ source, components }: { source: string; components?: MDXComponents }) {
  let compiledSource = compiled.get(source);
  if (!compiledSource) {
    compiledSource = compile(source);
    if (isProduction) compiled.set(source, compiledSource);
  }
  const { default: Content } = await compiledSource;
  return <Content components={{ ...mdxComponents, ...components }} />;
}

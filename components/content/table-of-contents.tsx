export interface TocItem {
  id: string;
  text: string;
  depth: 2 | 3;
}

export function TableOfContents({ items }: { items: TocItem[] }) {
  if (items.length < 2) return null;
  return (
    <nav aria-labelledby="toc-heading" className="rounded-2xl border border-sand-200 bg-sand-50 p-5 text-sm">
      <h2 id="toc-heading" className="font-semibold text-ink">On this page</h2>
      <ol className="mt-3 space-y-2">
        {items.map((item) => (
          <li key={item.id} className={item.depth === 3 ? 'pl-4' : undefined}>
            <a href={`#${item.id}`} className="text-slate-700 hover:text-brand-700 hover:underline">{item.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

import Link from 'next/link';

export function tagLabel(tag: string): string {
  return tag.replace(/-/g, ' ');
}

export function TagList({ tags, label = 'Topics' }: { tags: string[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-2">
      {tags.map((tag) => (
        <li key={tag}>
          <Link href={`/tags/${tag}`} className="inline-block rounded-full bg-sand-100 px-3 py-1 text-xs font-medium text-slate-700 hover:bg-sand-200">
            #{tagLabel(tag)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

import type { ElementType } from 'react';

export interface AuthorCardData {
  name: string;
  role: string;
  /** Qualifications, e.g. "MCSP, HCPC-registered physiotherapist"; absent on older data. */
  credentials?: string;
  bio: string;
  avatar: string;
}

/** A coach's photo, role and bio; `as` sets the element (a list item on /about). */
export function AuthorCard({ author, heading, as: Tag = 'div' }: { author: AuthorCardData; heading?: string; as?: ElementType }) {
  return (
    <Tag className="flex gap-4 rounded-2xl bg-sand-50 p-5 sm:p-6">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={author.avatar} alt="" width={64} height={64} className="size-16 shrink-0 rounded-full" />
      <div>
        {heading ? <h2 className="font-semibold">{heading}</h2> : <p className="font-semibold">{author.name}</p>}
        <p className="text-sm text-slate-600">{author.role}</p>
        {author.credentials && <p className="text-xs text-slate-600">{author.credentials}</p>}
        <p className="mt-2 text-sm text-slate-700">{author.bio}</p>
      </div>
    </Tag>
  );
}

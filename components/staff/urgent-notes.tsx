// Session notes with a red flag, at the top of the coach inbox until a coach marks each
// seen (lib/triage/notes.ts). Nothing here when there are none.
import Link from 'next/link';
import { cleanDisplayName } from '@/lib/auth/display-name';
import { formatAge } from '@/lib/comments/notifications';
import { URGENT_NOTES_ANCHOR, type UrgentNote } from '@/lib/triage/notes';
import { MarkSeenButton } from './mark-seen-button';

export function UrgentNotes({ notes, now }: { notes: UrgentNote[]; now: number }) {
  if (notes.length === 0) return null;
  return (
    <section id={URGENT_NOTES_ANCHOR} aria-labelledby="urgent-notes-heading" className="mt-6 rounded-xl border-2 border-red-700 bg-red-50 p-4">
      <h2 id="urgent-notes-heading" className="text-xl font-bold tracking-tight text-red-950">Urgent: possible red flags in session notes</h2>
      <p className="mt-1 text-sm text-red-950">Each member was told at once to seek urgent care. Check in with them directly today, then mark the note seen.</p>
      <ol className="mt-3 space-y-3">
        {notes.map((note) => {
          const name = cleanDisplayName(note.user.name) || 'A member';
          return (
            <li key={note.id} className="rounded-lg bg-white p-3 text-sm" data-testid="urgent-note">
              <p>
                <span className="font-semibold"><bdi>{name}</bdi></span>, after {note.where}, {formatAge(now - note.completedAt.getTime())} ·{' '}
                <Link className="text-brand-700 underline" href={`/staff/members/${note.user.id}/progress`}>Programme progress<span className="sr-only"> of {name}</span></Link>
              </p>
              <blockquote className="mt-2 border-l-4 border-red-300 pl-3 whitespace-pre-line">{note.note}</blockquote>
              {note.signs.length > 0 && <p className="mt-2 text-red-950">Possible signs: {note.signs.join('; ')}.</p>}
              <MarkSeenButton completionId={note.id} memberName={name} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

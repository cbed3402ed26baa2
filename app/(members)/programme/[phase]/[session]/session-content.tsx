// A session's exercises and coaching notes: the same for every member, so rendered once
// per session and cached ('use cache', keyed by the slugs; it changes only with a deploy).
// Only the page's entitled branch renders it, so the cached copy never reaches anyone else.
import { cacheLife } from 'next/cache';
import { ExerciseChecklist } from '@/components/programme/programme-forms';
import { exerciseDose as dose, getSession } from '@/lib/content/programme';
import { MdxContent } from '@/lib/content/mdx';

export async function SessionContent({ phaseSlug, sessionSlug }: { phaseSlug: string; sessionSlug: string }) {
  'use cache';
  cacheLife('max');
  const session = getSession(phaseSlug, sessionSlug);
  if (!session) return null;
  return (
    <>
      <section aria-labelledby="exercises-heading" className="mt-10">
        <h2 id="exercises-heading" className="text-2xl font-bold tracking-tight">Exercises</h2>
        <ol className="mt-4 space-y-6">
          {session.exercises.map((e) => (
            <li key={e.name} className="rounded-xl border border-sand-200 p-5">
              <h3 className="text-lg font-semibold">{e.name}</h3>
              <p className="text-sm font-medium text-brand-700">{dose(e)}</p>
              <div className="mt-3 grid gap-4 sm:grid-cols-2">
                <div>
                  <h4 className="text-sm font-semibold">Cues</h4>
                  <ul className="mt-1 list-disc pl-5 text-sm">{e.cues.map((c) => <li key={c}>{c}</li>)}</ul>
                </div>
                <div>
                  <h4 className="text-sm font-semibold">Common mistakes</h4>
                  <ul className="mt-1 list-disc pl-5 text-sm">{e.mistakes.map((m) => <li key={m}>{m}</li>)}</ul>
                </div>
              </div>
            </li>
          ))}
        </ol>
        <div className="mt-6 rounded-xl bg-sand-100 p-5">
          <ExerciseChecklist exercises={session.exercises.map((e) => ({ name: e.name, detail: dose(e) }))} />
        </div>
      </section>

      <section aria-labelledby="notes-heading" className="prose prose-slate mt-10 max-w-none">
        <h2 id="notes-heading">Coaching notes</h2>
        <MdxContent source={session.body} />
      </section>
    </>
  );
}

// Where a members-only thread stands for someone who may not read it (and in the page
// everyone shares): the thread itself is only ever rendered for an entitled viewer.
export function MembersThreadPlaceholder() {
  return (
    <section aria-labelledby="comments-heading" className="mt-14">
      <h2 id="comments-heading" className="text-2xl font-bold tracking-tight">Questions and answers</h2>
      <p className="mt-2 text-sm text-slate-700">Members ask the coaches questions here.</p>
    </section>
  );
}

// An email's text and HTML versions, as staff read them (the dev outbox, lifecycle previews).
export function EmailVersions({ text, html, title }: { text: string; html: string; title: string }) {
  return (
    <>
      <section aria-labelledby="text-heading" className="mt-8">
        <h2 id="text-heading" className="text-lg font-semibold">Text version</h2>
        <pre className="mt-3 overflow-x-auto whitespace-pre-wrap break-words rounded-2xl border border-sand-200 bg-white p-4 font-mono text-sm text-slate-800">{text}</pre>
      </section>

      <section aria-labelledby="html-heading" className="mt-8">
        <h2 id="html-heading" className="text-lg font-semibold">HTML version</h2>
        {/* An empty sandbox: no scripts, no forms, no navigation out of the frame. */}
        <iframe sandbox="" srcDoc={html} title={title} className="mt-3 h-[40rem] w-full rounded-2xl border border-sand-200 bg-sand-100" />
      </section>
    </>
  );
}

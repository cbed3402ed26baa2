'use client';
// Shown when a public page fails to render; the header and footer stay in place.
import { useEffect } from 'react';

export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="container-page max-w-2xl py-20 text-center" role="alert">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong on our side</h1>
      <p className="mt-4 text-slate-700">Sorry about that. Please try again; if it keeps happening, let us know and quote this reference: {error.digest ?? 'none'}.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-full bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700">Try again</button>
    </div>
  );
}

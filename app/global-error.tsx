'use client';
// Last resort when the root layout itself fails: must render its own <html>.

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '4rem 1rem', textAlign: 'center', color: '#1e293b' }}>
        <main>
          <h1>Something went wrong</h1>
          <p>Please try again in a moment. Reference: {error.digest ?? 'none'}.</p>
          <button type="button" onClick={reset}>Try again</button>
        </main>
      </body>
    </html>
  );
}

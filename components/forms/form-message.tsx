/** The form-level result, announced to screen readers when it appears. */
export function FormMessage({ state }: { state: { status: string; message?: string } }) {
  if (state.status === 'idle' || !state.message) return <div role="status" aria-live="polite" />;
  const error = state.status === 'error';
  return (
    <div role={error ? 'alert' : 'status'} className={`rounded-lg px-4 py-3 text-sm ${error ? 'bg-orange-50 text-coral-700' : 'bg-brand-50 text-brand-800'}`}>
      {state.message}
    </div>
  );
}

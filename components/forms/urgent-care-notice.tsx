// What a member reads right after writing about a red-flag symptom (lib/triage/red-flags.ts),
// in a comment or a session note: what they wrote is saved, and they must seek care now.
export function UrgentCareNotice({ saved, message }: { saved: string; message: string }) {
  return (
    <div role="alert" className="mt-3 rounded-lg border-2 border-red-700 bg-red-50 p-3 text-sm text-red-950" data-testid="urgent-care">
      <p className="font-semibold">{saved} Please read this now.</p>
      <p className="mt-1">{message}</p>
    </div>
  );
}

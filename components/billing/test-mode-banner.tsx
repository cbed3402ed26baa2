/** Shown on every billing page when payments are not real (test keys or the local emulator). */
export function TestModeBanner() {
  return (
    <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm font-medium text-amber-900">
      Test mode: no real payments are taken. Pay with the test card 4242 4242 4242 4242.
    </p>
  );
}

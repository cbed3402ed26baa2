export function MembersBadge() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-coral-700 px-2 py-0.5 text-xs font-semibold text-white">
      <span aria-hidden="true">★</span> Members
    </span>
  );
}

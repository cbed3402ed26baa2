export function Highlighted({ parts }: { parts: { text: string; match: boolean }[] }) {
  return <>{parts.map((p, i) => (p.match ? <mark key={i} className="rounded bg-amber-200 px-0.5 text-ink">{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

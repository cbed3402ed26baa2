// A small server-rendered line chart (SVG, no client JavaScript) with the same figures in a
// table: the SVG is hidden from screen readers and the table, visually hidden, is the
// accessible version.
export interface ChartSeries {
  name: string;
  values: number[];
  /** A CSS colour, e.g. "var(--color-brand-700)". */
  color: string;
}

const WIDTH = 600;
const HEIGHT = 180;
const PAD = { top: 12, right: 12, bottom: 26, left: 48 };

export function TrendChart({ title, labels, series, format }: { title: string; labels: string[]; series: ChartSeries[]; format: (value: number) => string }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? innerW / 2 : (i * innerW) / (labels.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  return (
    <figure className="rounded-xl border border-sand-200 p-4">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      {series.length > 1 && (
        <ul className="mt-1 flex flex-wrap gap-3 text-xs text-slate-700" aria-hidden="true">
          {series.map((s) => (
            <li key={s.name} className="flex items-center gap-1">
              <svg width="12" height="12"><rect width="12" height="12" rx="2" fill={s.color} /></svg>
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="mt-2 h-auto w-full" aria-hidden="true" focusable="false">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max * f)} y2={y(max * f)} className="stroke-sand-200" />
            <text x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end" className="fill-slate-600 text-[11px]">{format(max * f)}</text>
          </g>
        ))}
        {labels.map((label, i) => (i % 2 === labels.length % 2 ? null : (
          <text key={label} x={x(i)} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-600 text-[11px]">{label}</text>
        )))}
        {series.map((s) => (
          <g key={s.name}>
            <polyline fill="none" stroke={s.color} strokeWidth="2" points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
            {s.values.map((v, i) => <circle key={i} cx={x(i)} cy={y(v)} r="3" fill={s.color}><title>{`${labels[i]}: ${format(v)}`}</title></circle>)}
          </g>
        ))}
      </svg>
      {/* A table ignores width: 1px, so the wrapper is what is visually hidden. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {series.map((s) => <th key={s.name} scope="col">{s.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => <td key={s.name}>{format(s.values[i] ?? 0)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

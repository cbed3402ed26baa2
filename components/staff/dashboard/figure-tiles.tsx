// A row of headline figures, as a description list (term, then the number).
export interface Tile {
  label: string;
  value: string;
  note?: string;
  testId?: string;
}

export function FigureTiles({ tiles, label }: { tiles: Tile[]; label: string }) {
  return (
    <dl aria-label={label} className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {tiles.map((tile) => (
        <div key={tile.label} className="rounded-xl border border-sand-200 bg-white p-4" data-testid={tile.testId}>
          <dt className="text-sm text-slate-700">{tile.label}</dt>
          <dd className="mt-1 text-2xl font-bold tabular-nums">{tile.value}</dd>
          {tile.note && <dd className="mt-1 text-xs text-slate-600">{tile.note}</dd>}
        </div>
      ))}
    </dl>
  );
}

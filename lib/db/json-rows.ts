// Reading rows that a statement returns as JSON (json_agg / json_build_array), the way
// hot paths load everything in one round trip.

/** Prisma's DateTime columns are timestamp(3) holding UTC; JSON renders them without a zone. */
export function utcFromJson(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return new Date(/(Z|[+-]\d{2}(:?\d{2})?)$/.test(text) ? text : `${text}Z`);
}

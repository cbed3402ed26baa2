// CSV for spreadsheets (RFC 4180), safe to open: a cell that a spreadsheet would run as a
// formula (starting with = + - @, or a tab or carriage return) gets a leading ' (OWASP's
// advice on CSV injection), then every cell is quoted with its quotes doubled.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Lines end with CRLF, as RFC 4180 says. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// The one reader from FormData to the plain object a server action's zod schema parses.
// Text fields only (a file is never an action's input here); a repeated name keeps its
// first value, as FormData.get does. Next's own $ACTION_ fields are not input.

export function formObject(form: FormData): Record<string, string> {
  const fields = new Map<string, string>();
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !fields.has(key) && !key.startsWith('$ACTION')) fields.set(key, value);
  }
  // fromEntries defines own properties: a field named "__proto__" is just a field.
  return Object.fromEntries(fields);
}

/**
 * Names users type as data (stages, lost reasons, tax rates, units, products) carry an optional name
 * per language. `name` is the one in the organization's default language, so it is the fallback.
 */
export type Names = Record<string, string> | null | undefined;

export function localName(row: { name: string; names?: Names }, language: string): string {
  const own = row.names?.[language];
  return own && own.trim() ? own : row.name;
}

/** The per-language names a form sent as `name_<locale>` fields, empty ones left out. */
export function namesFrom(input: Record<string, unknown>, locales: readonly string[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const l of locales) {
    const v = input[`name_${l}`];
    if (typeof v === 'string' && v.trim()) names[l] = v.trim();
  }
  return names;
}

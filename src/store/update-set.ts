/**
 * The SET list of an UPDATE for the fields a change gives: undefined leaves a
 * column as it is, null clears it. Column names come from the caller's fixed
 * table, never from input; values become parameters numbered from `first`.
 */
export function assignments<K extends string>(
  change: { readonly [key in K]?: unknown },
  columns: Readonly<Record<K, string>>,
  first: number,
): { set: string[]; values: unknown[] } {
  const set: string[] = [];
  const values: unknown[] = [];
  for (const key of Object.keys(columns) as K[]) {
    if (change[key] === undefined) continue;
    values.push(change[key]);
    set.push(`${columns[key]} = $${first + values.length - 1}`);
  }
  return { set, values };
}

/** Keys whose values name the objects a mutation acts on. */
const ID_KEY = /(^id$|Id$|Ids$)/;

/**
 * The ids a mutation names in its arguments or returns, for its audit entry: every
 * string under a key such as `id`, `actorId`, `partnerId` or `areaIds`, at any depth.
 * Nothing else from the input is kept, so the log holds no names or free text.
 */
export function targetIdsOf(args: unknown, result: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, key: string | null, depth: number) => {
    if (depth > 4 || value === null || value === undefined) return;
    if (typeof value === 'string') {
      if (key !== null && ID_KEY.test(key)) found.add(value.slice(0, 200));
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 100)) visit(item, key, depth + 1);
      return;
    }
    if (typeof value === 'object') for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, k, depth + 1);
  };
  visit(args, null, 0);
  const erasureId = (result as { erasureId?: unknown } | null)?.erasureId;
  // An erasure names the erased citizen in its arguments; the log keeps only the erasure's id.
  if (typeof erasureId === 'string') return [erasureId];
  visit(result && typeof result === 'object' ? { id: (result as { id?: unknown }).id } : null, null, 0);
  return [...found].slice(0, 50);
}

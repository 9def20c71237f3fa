/**
 * Orders ids (and other keys) by their characters, as Cypher's ORDER BY orders
 * strings: not by locale. Every ranking's tie-break and every "ordered by id"
 * in the analytics uses it, so the service and the database agree on order.
 */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

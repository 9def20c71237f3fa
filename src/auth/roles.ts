/**
 * The four roles, each including the ones before it (see README, "Who may do what"):
 * VIEWER reads organisations, areas and initiatives, citizens only pseudonymously;
 * ANALYST adds analytics, exports and reports; EDITOR adds writes within its
 * organisations; ADMIN may do everything.
 */
export const ROLES = ['VIEWER', 'ANALYST', 'EDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Readonly<Record<Role, number>> = { VIEWER: 1, ANALYST: 2, EDITOR: 3, ADMIN: 4 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `held` includes what `needed` allows. */
export function roleIncludes(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}

/** The strongest of several roles (a token may carry more than one), or null. */
export function strongestRole(roles: readonly string[]): Role | null {
  let best: Role | null = null;
  for (const raw of roles) {
    const role = raw.toUpperCase();
    if (isRole(role) && (best === null || RANK[role] > RANK[best])) best = role;
  }
  return best;
}

import type { Principal } from './principal';
import { roleIncludes, type Role } from './roles';

/**
 * The one access policy. GraphQL fields state their rule with `@auth` (see
 * authDirective.ts); every other surface (exports, reports, imports) asks these
 * functions, so no surface invents its own rule.
 */
export function hasRole(principal: Principal, needed: Role): boolean {
  return roleIncludes(principal.role, needed);
}

/**
 * The organisations a write is confined to: null for ADMIN (anywhere), the
 * principal's organisations for EDITOR. The repositories pass this to Cypher,
 * which checks it inside the write's own transaction.
 */
export function writeScope(principal: Principal): readonly string[] | null {
  return principal.role === 'ADMIN' ? null : principal.organisations;
}

/**
 * Whether the caller may see a citizen's display name and consent: ADMIN, and
 * editors of the organisation that registered the citizen.
 */
export function maySeeCitizenDetails(principal: Principal, registeredBy: string | null | undefined): boolean {
  if (principal.role === 'ADMIN') return true;
  return principal.role === 'EDITOR' && registeredBy != null && principal.organisations.includes(registeredBy);
}

/** Whether maySeeCitizenDetails can hold for some citizen: when not, no citizen's record needs reading to name it. */
export function maySeeSomeCitizenDetails(principal: Principal): boolean {
  return principal.role === 'ADMIN' || (principal.role === 'EDITOR' && principal.organisations.length > 0);
}

/** Whether small counts of citizens may reach the caller unsuppressed (aggregates span organisations, so ADMIN only). */
export function maySeeSmallCitizenCounts(principal: Principal): boolean {
  return principal.role === 'ADMIN';
}

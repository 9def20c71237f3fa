import type { Principal } from '../../src/auth/principal';
import type { Role } from '../../src/auth/roles';

/** A caller with a role and organisations, as a verified token would give. */
export function principal(role: Role, organisations: string[] = [], name = role.toLowerCase()): Principal {
  return { id: `token:${name}`, via: 'token', role, organisations };
}

export const VIEWER = principal('VIEWER');
export const ANALYST = principal('ANALYST');
export const ADMIN = principal('ADMIN');

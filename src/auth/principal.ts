import type { Role } from './roles';

/**
 * Who is calling, as every surface (GraphQL, exports, reports, imports) sees it.
 * `id` is what audit entries and provenance record: a token's subject, an API
 * key's id, or `development`; never a name, token or key.
 */
export interface Principal {
  readonly id: string;
  readonly via: 'token' | 'apiKey' | 'development' | 'system';
  readonly role: Role;
  /** Organisation actor ids an EDITOR may write within; empty for roles that need none. */
  readonly organisations: readonly string[];
}

/** The caller when no authentication is configured on a loopback host (a loud warning says so at start). */
export const DEVELOPMENT_ADMIN: Principal = Object.freeze({ id: 'development', via: 'development', role: 'ADMIN', organisations: [] });

/** The service itself: seeds, migrations and command-line tools run by an operator on the host. */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({ id: 'system', via: 'system', role: 'ADMIN', organisations: [] });

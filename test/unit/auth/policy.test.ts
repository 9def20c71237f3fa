import { maySeeCitizenDetails, maySeeSomeCitizenDetails } from '../../../src/auth/policy';
import type { Principal } from '../../../src/auth/principal';
import type { Role } from '../../../src/auth/roles';

const ROLES: Role[] = ['VIEWER', 'ANALYST', 'EDITOR', 'ADMIN'];
const ORGANISATIONS = [[], ['org-a'], ['org-a', 'org-b']];
const REGISTERED_BY = [null, 'org-a', 'org-b', 'org-c'];

describe('maySeeSomeCitizenDetails', () => {
  it('holds exactly when maySeeCitizenDetails holds for some registering organisation', () => {
    for (const role of ROLES) {
      for (const organisations of ORGANISATIONS) {
        const principal: Principal = { id: 'p', via: 'system', role, organisations };
        // Some citizen registered by one of the caller's organisations, or by any other.
        const some = [...REGISTERED_BY, ...organisations].some((registeredBy) => maySeeCitizenDetails(principal, registeredBy));
        expect({ role, organisations, sees: maySeeSomeCitizenDetails(principal) }).toEqual({ role, organisations, sees: some });
      }
    }
  });

  it('is false for an ANALYST and an EDITOR without organisations, true for an ADMIN', () => {
    expect(maySeeSomeCitizenDetails({ id: 'a', via: 'system', role: 'ANALYST', organisations: ['org-a'] })).toBe(false);
    expect(maySeeSomeCitizenDetails({ id: 'e', via: 'system', role: 'EDITOR', organisations: [] })).toBe(false);
    expect(maySeeSomeCitizenDetails({ id: 'x', via: 'system', role: 'ADMIN', organisations: [] })).toBe(true);
  });
});

import type { Database } from '../../db/database';
import type { Logger } from '../../logger';
import { BadUserInputError, NotFoundError, UnauthenticatedError } from '../../errors';
import { requiredText } from '../../validation/inputs';
import { rejectPersonalIdentityNumbers } from '../../validation/personalIdentityNumber';
import type { Principal } from '../principal';
import { isRole, ROLES, type Role } from '../roles';
import { generateApiKey, parseApiKey, secretMatches } from './apiKeyFormat';
import { ApiKeyRepository, type ApiKeyRecord } from './apiKeyRepository';

export interface NewApiKeyInput {
  name: string;
  role: string;
  organisations?: readonly string[] | null;
  /** A Date (GraphQL's DateTime scalar parses to one) or an ISO date-time. */
  expiresAt?: Date | string | null;
}

export interface CreatedApiKey {
  /** The whole key: returned once, stored nowhere. */
  key: string;
  apiKey: ApiKeyRecord;
}

export interface ApiKeyServiceOptions {
  db: Database;
  logger: Logger;
  /** The clock; tests move it to see keys expire. */
  now?: () => Date;
  /** lastUsedAt is written at most this often per key (default one minute). */
  touchIntervalMs?: number;
  /**
   * How long a looked-up key record is reused before it is read again (default
   * 30 s). A revocation made through this instance takes effect at once; one made
   * through another instance of the service, within this time.
   */
  cacheTtlMs?: number;
}

const MAX_ORGANISATIONS = 100;
const MAX_CACHED_KEYS = 1000;
// The id rule of src/validation/inputs.ts: actor ids are made under it.
const ACTOR_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const REJECTED = 'The API key is unknown, revoked or expired. Ask an administrator for a new one (createApiKey, or `npm run apikey -- create`).';
const MALFORMED = 'The API key is malformed: Samverkan keys look like svk_<id>_<secret>, exactly as shown when the key was created.';

/** Whether a key may be used at `now`. */
export function isActive(key: Pick<ApiKeyRecord, 'revokedAt' | 'expiresAt'>, now: Date): boolean {
  return key.revokedAt === null && (key.expiresAt === null || Date.parse(key.expiresAt) > now.getTime());
}

/**
 * API keys for scripts and service accounts: created, listed and revoked by
 * administrators, verified on every request that presents one. One instance
 * lives as long as the service, because it remembers when it last wrote each
 * key's lastUsedAt (so a busy key costs one read a request, not a write).
 */
export class ApiKeyService {
  private readonly repository: ApiKeyRepository;
  private readonly now: () => Date;
  private readonly touchIntervalMs: number;
  private readonly logger: Logger;
  private readonly lastTouched = new Map<string, number>();
  private readonly cacheTtlMs: number;
  /** Key records by id (never the secret): one Neo4j read per key per TTL instead of one per request. */
  private readonly records = new Map<string, { found: NonNullable<Awaited<ReturnType<ApiKeyRepository['byId']>>>; at: number }>();

  constructor(options: ApiKeyServiceOptions) {
    this.repository = new ApiKeyRepository(options.db);
    this.now = options.now ?? (() => new Date());
    this.touchIntervalMs = options.touchIntervalMs ?? 60_000;
    this.cacheTtlMs = options.cacheTtlMs ?? 30_000;
    this.logger = options.logger;
  }

  /** Validates, then creates in one transaction that also checks the organisations exist. */
  async create(input: NewApiKeyInput, createdBy: string): Promise<CreatedApiKey> {
    const now = this.now();
    const name = requiredText(input.name, 'input.name', { max: 100 });
    if (CONTROL.test(name)) throw new BadUserInputError('input.name must be one line of printable text: remove control and direction-override characters.', 'input.name');
    rejectPersonalIdentityNumbers({ 'input.name': name });
    const role = checkRole(input.role);
    const organisations = checkOrganisations(input.organisations ?? [], role);
    const expiresAt = checkExpiry(input.expiresAt ?? null, now);
    const generated = generateApiKey();
    const result = await this.repository.create(
      { id: generated.id, name, role, organisations, hash: generated.hash, createdBy },
      expiresAt,
      now.toISOString(),
    );
    if (result.apiKey === null) {
      const listed = result.missing.map((id) => `"${id}"`).join(', ');
      throw new BadUserInputError(
        `input.organisations names ${listed}, which ${result.missing.length === 1 ? 'is not an organisation' : 'are not organisations'}: give the actor ids of associations, companies, city departments or academic institutions (not citizens).`,
        'input.organisations',
      );
    }
    return { key: generated.key, apiKey: result.apiKey };
  }

  list(after: string | null, limit: number): Promise<ApiKeyRecord[]> {
    return this.repository.list(after, limit);
  }

  count(): Promise<number> {
    return this.repository.count();
  }

  async revoke(id: string): Promise<ApiKeyRecord> {
    const revoked = await this.repository.revoke(id, this.now().toISOString());
    this.records.delete(id);
    if (!revoked) throw new NotFoundError('ApiKey', id.slice(0, 100));
    return revoked;
  }

  /** The principal a presented key stands for; UNAUTHENTICATED, without quoting the key, when it does not. */
  async verify(presented: string): Promise<Principal> {
    const parsed = parseApiKey(presented);
    if (!parsed) throw new UnauthenticatedError(MALFORMED);
    // Key ids are not secret (lists and audit entries show them), so an early
    // return for an unknown id leaks nothing; the secret is compared in constant time.
    const now = this.now();
    const found = await this.lookUp(parsed.id, now);
    if (!found || !secretMatches(parsed.secret, found.hash) || !isActive(found.apiKey, now)) throw new UnauthenticatedError(REJECTED);
    await this.touch(parsed.id, now);
    const { apiKey } = found;
    return { id: `apikey:${apiKey.id}`, via: 'apiKey', role: apiKey.role, organisations: apiKey.organisations };
  }

  /** The key's record, from the short-lived cache or the database; unknown ids are not cached. */
  private async lookUp(id: string, now: Date) {
    const cached = this.records.get(id);
    if (cached && now.getTime() - cached.at < this.cacheTtlMs) return cached.found;
    const found = await this.repository.byId(id);
    this.records.delete(id);
    if (found) {
      this.records.set(id, { found, at: now.getTime() });
      if (this.records.size > MAX_CACHED_KEYS) this.records.delete(this.records.keys().next().value as string);
    }
    return found;
  }

  /** Writes lastUsedAt at most once per interval per key; a failed write never fails the request. */
  private async touch(id: string, now: Date): Promise<void> {
    const last = this.lastTouched.get(id);
    if (last !== undefined && now.getTime() - last < this.touchIntervalMs) return;
    // Set before the write, so concurrent requests of one key write once.
    this.lastTouched.set(id, now.getTime());
    try {
      await this.repository.touchLastUsed(id, now.toISOString());
    } catch (error) {
      this.lastTouched.delete(id);
      this.logger.warn('could not record an API key’s last use', { apiKeyId: id, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw new BadUserInputError(`input.role must be one of ${ROLES.join(', ')}.`, 'input.role');
  return role;
}

function checkOrganisations(given: readonly string[], role: Role): string[] {
  const organisations = [...new Set(given.map((id) => id.trim()))];
  if (organisations.length > MAX_ORGANISATIONS) {
    throw new BadUserInputError(`input.organisations may name at most ${MAX_ORGANISATIONS} organisations; got ${organisations.length}.`, 'input.organisations');
  }
  const bad = organisations.find((id) => !ACTOR_ID.test(id));
  if (bad !== undefined) {
    throw new BadUserInputError('input.organisations must hold actor ids: 1–100 letters, digits, ".", "_", ":" or "-", starting with a letter or digit.', 'input.organisations');
  }
  if (role === 'EDITOR' && organisations.length === 0) {
    throw new BadUserInputError('input.organisations must name at least one organisation for an EDITOR key: an editor writes only within its organisations.', 'input.organisations');
  }
  return organisations;
}

function checkExpiry(value: Date | string | null, now: Date): string | null {
  if (value === null) return null;
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) throw new BadUserInputError('input.expiresAt must be an ISO 8601 date-time, e.g. 2027-12-31T23:59:59Z.', 'input.expiresAt');
  if (at.getTime() <= now.getTime()) {
    throw new BadUserInputError(`input.expiresAt must lie in the future; it is ${at.toISOString()}, and now is ${now.toISOString()}. Leave it out for a key that does not expire.`, 'input.expiresAt');
  }
  return at.toISOString();
}

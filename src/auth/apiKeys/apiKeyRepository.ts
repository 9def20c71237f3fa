import type { Database, QueryObserver } from '../../db/database';
import type { Role } from '../roles';

/** An API key as lists and mutations show it: never the hash, never the secret. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  organisations: string[];
  /** ISO date-times; null when not (yet) set. */
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewApiKeyRow {
  id: string;
  name: string;
  role: Role;
  organisations: string[];
  hash: string;
  createdBy: string;
}

/** Either the created key, or the organisations that do not exist as non-citizen actors (then nothing was written). */
export type CreateApiKeyResult = { apiKey: ApiKeyRecord; missing: [] } | { apiKey: null; missing: string[] };

/** One typed function per statement in cypher/queries/apiKeys/. */
export class ApiKeyRepository {
  constructor(
    private readonly db: Database,
    private readonly observer?: QueryObserver,
  ) {}

  async create(props: NewApiKeyRow, expiresAt: string | null, now: string): Promise<CreateApiKeyResult> {
    const [row] = await this.db.writeRows<{ missing: string[]; apiKey: ApiKeyRecord | null }>('apiKeys/create', { props, expiresAt, now }, this.observer);
    return row.apiKey ? { apiKey: row.apiKey, missing: [] } : { apiKey: null, missing: row.missing };
  }

  /** `limit` rows after the key with id `after`, in id order. */
  async list(after: string | null, limit: number): Promise<ApiKeyRecord[]> {
    const rows = await this.db.readRows<{ apiKey: ApiKeyRecord }>('apiKeys/list', { after, limit }, this.observer);
    return rows.map((row) => row.apiKey);
  }

  async count(): Promise<number> {
    const [row] = await this.db.readRows<{ total: number }>('apiKeys/count', {}, this.observer);
    return row.total;
  }

  /** The key and its stored hash, for verification only. */
  async byId(id: string): Promise<{ apiKey: ApiKeyRecord; hash: string } | null> {
    const [row] = await this.db.readRows<{ apiKey: ApiKeyRecord; hash: string }>('apiKeys/byId', { id }, this.observer);
    return row ?? null;
  }

  /** The revoked key, or null when no key has that id. */
  async revoke(id: string, now: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.db.writeRows<{ apiKey: ApiKeyRecord }>('apiKeys/revoke', { id, now }, this.observer);
    return row?.apiKey ?? null;
  }

  async touchLastUsed(id: string, now: string): Promise<void> {
    await this.db.writeRows('apiKeys/touchLastUsed', { id, now }, this.observer);
  }
}

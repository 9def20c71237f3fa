import { randomBytes } from 'node:crypto';
import type { Database, QueryObserver } from '../db/database';

export interface AuditEntryRecord {
  id: string;
  at: string;
  principal: string;
  operation: string;
  targets: string[];
  outcome: string;
}

export interface AuditListFilter {
  principal: string | null;
  operation: string | null;
  target: string | null;
  outcome: string | null;
  from: string | null;
  to: string | null;
}

/** Ids that sort by time: ISO instant, then a random suffix against ties in the same millisecond. */
export function auditId(now: Date = new Date()): string {
  return `audit-${now.toISOString()}-${randomBytes(4).toString('hex')}`;
}

/** The audit log over cypher/queries/audit/. */
export class AuditRepository {
  constructor(
    private readonly db: Database,
    private readonly observer?: QueryObserver,
  ) {}

  /** In its own transaction: a mutation's outcome is recorded whether it committed or not. */
  async record(entry: Omit<AuditEntryRecord, 'id' | 'at'>): Promise<void> {
    await this.db.writeRows('audit/record', { id: auditId(), ...entry }, this.observer);
  }

  async list(filter: AuditListFilter, after: string | null, limit: number): Promise<AuditEntryRecord[]> {
    const rows = await this.db.readRows<{ entry: AuditEntryRecord }>('audit/list', { ...filter, after, limit }, this.observer);
    return rows.map((row) => row.entry);
  }
}

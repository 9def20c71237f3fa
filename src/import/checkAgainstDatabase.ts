import path from 'node:path';
import type { Database } from '../db/database';
import type { Principal } from '../auth/principal';
import type { ProblemCollector } from './problems';
import type { FirstPass } from './validateFile';
import { IMPORT_KINDS, type ImportKind } from './kinds';
import { readSpillBatches, SpillWriter } from './spill';
import type { ImportRecord, SpilledRecord, StoredTie } from './records';
import { lookUpStoredTies, type StoredTieCheck } from './tieLookahead';
import type { ReferenceKind } from './fileState';
import { planOf } from './planBatch';

export const CHECK_BATCH = 5000;

interface StoredActor {
  id: string;
  kind: string;
  registeredBy: string | null;
}

interface KnownActor {
  kind: string;
  registeredBy: string | null;
}

/** What the database says about the ids the file refers to but does not define. */
interface Outside {
  /** Stored actors the file refers to that are citizens or registered by an organisation; the others need no entry. */
  actors: Map<string, KnownActor>;
  missing: Record<ReferenceKind, Set<string>>;
}

async function lookUpOutside(db: Database, first: FirstPass): Promise<Outside> {
  const actors = new Map<string, KnownActor>();
  const missing: Outside['missing'] = { actors: new Set(), areas: new Set(), initiatives: new Set() };
  const statements: Record<ReferenceKind, string> = { actors: 'import/existingActors', areas: 'import/existingAreas', initiatives: 'import/existingInitiatives' };
  for (const kind of ['actors', 'areas', 'initiatives'] as const) {
    const ids = first.state.outside(kind);
    const lookUp = async (batch: string[]) => {
      if (kind === 'actors') {
        // The missing ids, and only what the checks ask about: a citizen (not a registrar) or an actor some organisation registered (an EDITOR's scope).
        const rows = await db.readRows<{ id: string; found: boolean; kind: string | null; registeredBy: string | null }>(statements.actors, { ids: batch });
        for (const row of rows) {
          if (!row.found) missing.actors.add(row.id);
          else actors.set(row.id, { kind: row.kind ?? '', registeredBy: row.registeredBy ?? null });
        }
        return;
      }
      const rows = await db.readRows<{ id: string }>(statements[kind], { ids: batch });
      const found = new Set(rows.map((row) => row.id));
      for (const id of batch) if (!found.has(id)) missing[kind].add(id);
    };
    // Two batches at a time: a tie file names every actor it touches (100,000 in the
    // benchmark), and the database answers two reads on its two cores.
    for (let start = 0; start < ids.length; start += 2 * CHECK_BATCH) {
      await Promise.all([lookUp(ids.slice(start, start + CHECK_BATCH)), ...(start + CHECK_BATCH < ids.length ? [lookUp(ids.slice(start + CHECK_BATCH, start + 2 * CHECK_BATCH))] : [])]);
    }
  }
  return { actors, missing };
}

type Report = (item: SpilledRecord, column: string, value: string | null, rule: string, message: string) => void;

const NOUN: Record<ReferenceKind, string> = { actors: 'actor', areas: 'area', initiatives: 'initiative' };

/** The references of a record: column, kind, id. */
function referencesOf(record: ImportRecord): Array<[string, ReferenceKind, string]> {
  switch (record.kind) {
    case 'actors':
      return record.registeredBy ? [['registeredBy', 'actors', record.registeredBy]] : [];
    case 'areas':
      return record.parentId ? [['parentId', 'areas', record.parentId]] : [];
    case 'initiatives':
      return record.areaIds.map((id) => ['areaIds', 'areas', id]);
    case 'memberships':
      return [['actorId', 'actors', record.actorId], ['areaId', 'areas', record.areaId]];
    case 'participations':
      return [['actorId', 'actors', record.actorId], ['initiativeId', 'initiatives', record.initiativeId]];
    case 'collaborations': {
      const refs: Array<[string, ReferenceKind, string]> = [['actorId', 'actors', record.actorId], ['partnerId', 'actors', record.partnerId]];
      if (record.initiativeId) refs.push(['initiativeId', 'initiatives', record.initiativeId]);
      return refs;
    }
  }
}

class SecondPass {
  constructor(
    private readonly db: Database,
    private readonly principal: Principal,
    private readonly first: FirstPass,
    private readonly outside: Outside,
    private readonly report: Report,
  ) {}

  private get isAdmin(): boolean {
    return this.principal.role === 'ADMIN';
  }

  /** Whether an EDITOR may touch this actor: one of its organisations, a citizen it registers in the file, or one it registered before. */
  private inScope(id: string): boolean {
    if (this.isAdmin || this.principal.organisations.includes(id)) return true;
    if (this.first.state.definesActor(id)) return this.first.state.isCitizen(id);
    const known = this.outside.actors.get(id);
    return known !== undefined && known.registeredBy !== null && this.principal.organisations.includes(known.registeredBy);
  }

  referencesOk(item: SpilledRecord): boolean {
    let ok = true;
    for (const [column, kind, id] of referencesOf(item.record)) {
      if (this.outside.missing[kind].has(id)) {
        ok = false;
        this.report(item, column, id, 'reference', `names ${NOUN[kind]} "${id}", which is neither in the file nor in the database. Check the id, or add the ${NOUN[kind]} to the file (or import it first).`);
      }
    }
    const record = item.record;
    if (record.kind === 'actors' && record.registeredBy) {
      const registrar = this.outside.actors.get(record.registeredBy);
      if (this.first.state.isCitizen(record.registeredBy) || registrar?.kind === 'CITIZEN') {
        ok = false;
        this.report(item, 'registeredBy', record.registeredBy, 'reference', 'names a citizen; name the organisation that registers this citizen.');
      }
    }
    if (!this.isAdmin && (record.kind === 'memberships' || record.kind === 'participations') && !this.inScope(record.actorId)) {
      ok = false;
      this.report(item, 'actorId', record.actorId, 'forbidden', `is outside your organisations (${this.principal.organisations.join(', ') || 'none'}): an EDITOR records memberships and participations of its own organisations and the citizens they registered.`);
    }
    if (!this.isAdmin && record.kind === 'collaborations' && !this.inScope(record.firstId) && !this.inScope(record.secondId)) {
      ok = false;
      this.report(item, 'actorId', record.firstId, 'forbidden', `and partnerId are both outside your organisations (${this.principal.organisations.join(', ') || 'none'}): an EDITOR records ties with one end in its organisations or the citizens they registered.`);
    }
    return ok;
  }

  /** Matches actors by id, then by organisation number; refuses kind changes, taken numbers and (for an EDITOR) others' records. */
  async actors(batch: SpilledRecord[]): Promise<Set<SpilledRecord>> {
    const bad = new Set<SpilledRecord>();
    const rows = batch.map((item) => item.record as Extract<ImportRecord, { kind: 'actors' }>);
    const found = await this.db.readRows<{ byId: StoredActor | null; byNumber: StoredActor | null }>('import/matchActors', {
      rows: rows.map((row) => ({ id: row.id, organisationNumber: row.organisationNumber })),
    });
    found.forEach(({ byId, byNumber }, index) => {
      const item = batch[index];
      let record = rows[index];
      if (!record.idGiven && byNumber) {
        // No id in the file: the actor with this organisation number is the one meant.
        record = { ...record, id: byNumber.id };
        item.record = record;
      } else if (byNumber && byNumber.id !== record.id) {
        bad.add(item);
        this.report(item, 'organisationNumber', record.organisationNumber, 'organisationNumber', `already belongs to actor "${byNumber.id}". Use that id in the id column (or leave id empty to match by organisation number).`);
        return;
      }
      const stored = record.idGiven ? byId : byNumber;
      if (!stored) return;
      if (stored.kind !== record.actorKind) {
        bad.add(item);
        this.report(item, 'kind', record.actorKind, 'kindChange', `is ${record.actorKind}, but actor "${stored.id}" is stored as ${stored.kind}. An import does not change an actor's kind: fix the kind, or use another id.`);
      } else if (!this.isAdmin && !this.principal.organisations.includes(stored.id) && !(stored.registeredBy && this.principal.organisations.includes(stored.registeredBy))) {
        bad.add(item);
        this.report(item, 'id', stored.id, 'forbidden', `is an existing actor outside your organisations (${this.principal.organisations.join(', ') || 'none'}); an EDITOR changes only its organisations' records and the citizens they registered.`);
      }
    });
    return bad;
  }

  /**
   * Reports the rows of a batch whose id joins another pair or that overlap a
   * stored tie of their kind, and returns them; the others get their plan (create,
   * update, unchanged) from the stored tie the same lookup read.
   */
  collaborations(batch: SpilledRecord[], found: (item: SpilledRecord) => StoredTie | undefined): Set<SpilledRecord> {
    const bad = new Set<SpilledRecord>();
    for (const item of batch) {
      const record = item.record as Extract<ImportRecord, { kind: 'collaborations' }>;
      const check = found(item) ?? NOTHING_STORED;
      // Read once: the checked spill carries the plan, not the stored tie.
      delete item.stored;
      if (check.ends && (check.ends[0] !== record.firstId || check.ends[1] !== record.secondId)) {
        bad.add(item);
        this.report(item, 'id', record.id, 'duplicate', `is the id of a stored tie between "${check.ends[0]}" and "${check.ends[1]}"; a tie's ends cannot change. Give this row a new id, or leave id empty.`);
      } else if (check.overlapping.length > 0) {
        bad.add(item);
        this.report(item, 'since', record.since, 'overlap', `overlaps the stored ${record.tieKind} tie ${check.overlapping.slice(0, 3).join(', ')} between ${record.firstId} and ${record.secondId}. Two ties of one kind between one pair may not overlap: end the stored tie first (endCollaboration), use its id to update it, or give this row another kind.`);
      } else {
        item.plan = planOf(record, check.existing);
      }
    }
    return bad;
  }
}

const NOTHING_STORED: StoredTie = { ends: null, existing: null, overlapping: [] };

export interface SecondPassResult {
  /** Per kind, the spill of rows that passed every check (ids resolved), for the write pass. */
  checked: Partial<Record<ImportKind, string>>;
  valid: Partial<Record<ImportKind, number>>;
}

/**
 * The second pass, over the spilled rows in batches with named statements:
 * references to what the file does not define, actors matched by id or
 * organisation number, stored ties that a row would overlap, and an EDITOR's
 * organisation scope. Rows that pass go to a second spill; nothing is written.
 */
export async function checkAgainstDatabase(db: Database, principal: Principal, first: FirstPass, problems: ProblemCollector, workDir: string): Promise<SecondPassResult> {
  const outside = await lookUpOutside(db, first);
  const report: Report = (item, column, value, rule, message) =>
    problems.add({ sheet: item.sheet, row: item.row, column, value, rule, message: `Row ${item.row}, column ${column}: ${column} ${message}` });
  const pass = new SecondPass(db, principal, first, outside, report);
  const result: SecondPassResult = { checked: {}, valid: {} };
  for (const kind of IMPORT_KINDS) {
    const spill = first.spills[kind];
    if (!spill) continue;
    const out = new SpillWriter(path.join(workDir, `${kind}.checked.ndjson`));
    try {
      const keep = (batch: SpilledRecord[], bad: Set<SpilledRecord>) => {
        for (const item of batch) if (pass.referencesOk(item) && !bad.has(item)) out.write(item);
      };
      // Tie rows the first pass did not look up (a caller without the database) are looked up
      // here, two batches at a time: the database checks the next batch (on the other core)
      // while this one's answer is applied, in file order, so the problems and the checked
      // spill come out as from one batch at a time.
      let waiting: { batch: SpilledRecord[]; found: Promise<StoredTieCheck[]> } | null = null;
      const applyWaiting = async () => {
        if (!waiting) return;
        const byId = new Map((await waiting.found).map((check) => [check.id, check]));
        keep(waiting.batch, pass.collaborations(waiting.batch, (item) => byId.get((item.record as { id: string }).id)));
      };
      for await (const batch of readSpillBatches(spill.path, CHECK_BATCH)) {
        if (kind !== 'collaborations') {
          keep(batch, kind === 'actors' ? await pass.actors(batch) : new Set<SpilledRecord>());
        } else if (first.tiesLookedUp) {
          // The first pass looked the rows up already (tieLookahead.ts): no statement here.
          keep(batch, pass.collaborations(batch, (item) => item.stored));
        } else {
          const next = { batch, found: lookUpStoredTies(db, batch) };
          // Awaited below; until then a failure must not count as unhandled.
          next.found.catch(() => undefined);
          await applyWaiting();
          waiting = next;
        }
      }
      await applyWaiting();
    } finally {
      out.close();
    }
    result.checked[kind] = out.path;
    result.valid[kind] = out.count;
  }
  return result;
}

import { storedEnds, type ImportRecord, type RowPlan, type SpilledRecord, type StoredTie } from './records';

type Tie = Extract<ImportRecord, { kind: 'collaborations' }>;

/**
 * A tie row on a spill line: a JSON array of its values in a fixed order instead
 * of an object with its keys. Ties are most of a large file, and each is spilled
 * and read back twice (validateFile → checkAgainstDatabase → writeBatches): the
 * array is about a third of the object's length, which is what JSON.parse,
 * JSON.stringify and the UTF-8 decoding of the spill spend their time on. The
 * other kinds stay objects.
 */
type TieLine = [
  sheet: string | null,
  row: number,
  plan: RowPlan | null,
  stored: StoredTie | null,
  id: string,
  idGiven: 0 | 1,
  actorId: string,
  partnerId: string,
  tieKind: Tie['tieKind'],
  since: string,
  until: string | null,
  strength: number,
  initiativeId: string | null,
  source: string | null,
];

export function encodeSpilled(item: SpilledRecord): string {
  const record = item.record;
  if (record.kind !== 'collaborations') return JSON.stringify(item);
  const line: TieLine = [
    item.sheet,
    item.row,
    item.plan ?? null,
    item.stored ?? null,
    record.id,
    record.idGiven ? 1 : 0,
    record.actorId,
    record.partnerId,
    record.tieKind,
    record.since,
    record.until,
    record.strength,
    record.initiativeId,
    record.source,
  ];
  return JSON.stringify(line);
}

export function decodeSpilled(text: string): SpilledRecord {
  const parsed = JSON.parse(text) as SpilledRecord | TieLine;
  if (!Array.isArray(parsed)) return parsed;
  const [sheet, row, plan, stored, id, idGiven, actorId, partnerId, tieKind, since, until, strength, initiativeId, source] = parsed;
  const [firstId, secondId] = storedEnds(actorId, partnerId);
  const record: Tie = { kind: 'collaborations', id, idGiven: idGiven === 1, actorId, partnerId, firstId, secondId, tieKind, since, until, strength, initiativeId, source };
  const item: SpilledRecord = { sheet, row, record };
  if (plan !== null) item.plan = plan;
  if (stored !== null) item.stored = stored;
  return item;
}

/**
 * What can be imported and under which names: the kinds, their sheet and file
 * names, and their columns, each with the English and Swedish headers a file may
 * use. Headers and names are matched after `headerKey` (case, spaces, `_`, `-`
 * and `.` ignored), so "Organisation number", "organisation_number" and
 * "organisationNumber" are one column.
 */
export type ImportKind = 'areas' | 'actors' | 'initiatives' | 'memberships' | 'participations' | 'collaborations';

/** The order of the write pass: what a row refers to is written before it. */
export const IMPORT_KINDS: readonly ImportKind[] = ['areas', 'actors', 'initiatives', 'memberships', 'participations', 'collaborations'];

export interface ColumnSpec {
  /** The column's key in a normalised row, and its English header. */
  key: string;
  /** The Swedish header first, then accepted variants. */
  sv: string;
  aliases?: string[];
  required?: boolean;
}

export interface KindSpec {
  kind: ImportKind;
  /** Sheet or file names: English, Swedish, variants. */
  names: string[];
  columns: ColumnSpec[];
}

export const KIND_SPECS: Readonly<Record<ImportKind, KindSpec>> = {
  areas: {
    kind: 'areas',
    names: ['areas', 'områden', 'omraden', 'area'],
    columns: [
      { key: 'id', sv: 'id', required: true },
      { key: 'name', sv: 'namn', required: true },
      { key: 'level', sv: 'nivå', aliases: ['niva'], required: true },
      { key: 'parentId', sv: 'delAv', aliases: ['parent', 'överområde', 'overomrade', 'partOf'] },
    ],
  },
  actors: {
    kind: 'actors',
    names: ['actors', 'aktörer', 'aktorer', 'organisations', 'organisationer', 'actor'],
    columns: [
      { key: 'id', sv: 'id' },
      { key: 'kind', sv: 'typ', aliases: ['aktörstyp', 'type'], required: true },
      { key: 'name', sv: 'namn' },
      { key: 'organisationNumber', sv: 'organisationsnummer', aliases: ['orgnr', 'orgNumber', 'organizationNumber'] },
      { key: 'description', sv: 'beskrivning' },
      { key: 'website', sv: 'webbplats', aliases: ['webb', 'url'] },
      { key: 'registeredBy', sv: 'registreradAv' },
      { key: 'consentGiven', sv: 'samtycke', aliases: ['samtyckeGivet', 'consent'] },
      { key: 'consentDate', sv: 'samtyckesdatum' },
      { key: 'consentPurpose', sv: 'samtyckesändamål', aliases: ['samtyckesandamal', 'syfte', 'ändamål'] },
    ],
  },
  initiatives: {
    kind: 'initiatives',
    names: ['initiatives', 'initiativ', 'initiative', 'projekt'],
    columns: [
      { key: 'id', sv: 'id', required: true },
      { key: 'name', sv: 'namn', required: true },
      { key: 'kind', sv: 'typ', aliases: ['type'], required: true },
      { key: 'description', sv: 'beskrivning' },
      { key: 'website', sv: 'webbplats', aliases: ['webb', 'url'] },
      { key: 'startDate', sv: 'startdatum', aliases: ['start'], required: true },
      { key: 'endDate', sv: 'slutdatum', aliases: ['slut', 'end'] },
      { key: 'sdgs', sv: 'globalaMål', aliases: ['globalamal', 'mål', 'sdg'] },
      { key: 'areaIds', sv: 'områden', aliases: ['omraden', 'areas'] },
    ],
  },
  memberships: {
    kind: 'memberships',
    names: ['memberships', 'medlemskap', 'areamemberships', 'områdesmedlemskap', 'membership'],
    columns: [
      { key: 'actorId', sv: 'aktör', aliases: ['aktor', 'aktörId', 'actor'], required: true },
      { key: 'areaId', sv: 'område', aliases: ['omrade', 'områdeId', 'area'], required: true },
      { key: 'since', sv: 'från', aliases: ['fran', 'sedan'], required: true },
      { key: 'until', sv: 'till', aliases: ['tom'] },
    ],
  },
  participations: {
    kind: 'participations',
    names: ['participations', 'deltaganden', 'deltagande', 'participation'],
    columns: [
      { key: 'actorId', sv: 'aktör', aliases: ['aktor', 'aktörId', 'actor'], required: true },
      { key: 'initiativeId', sv: 'initiativ', aliases: ['initiativId', 'initiative'], required: true },
      { key: 'role', sv: 'roll', required: true },
      { key: 'since', sv: 'från', aliases: ['fran', 'sedan'], required: true },
      { key: 'until', sv: 'till', aliases: ['tom'] },
    ],
  },
  collaborations: {
    kind: 'collaborations',
    names: ['collaborations', 'samarbeten', 'ties', 'band', 'collaboration', 'samarbete'],
    columns: [
      { key: 'id', sv: 'id' },
      { key: 'actorId', sv: 'aktör', aliases: ['aktor', 'aktörId', 'actor', 'from', 'source actor'], required: true },
      { key: 'partnerId', sv: 'partner', aliases: ['partnerId', 'to', 'target'], required: true },
      { key: 'kind', sv: 'typ', aliases: ['type'], required: true },
      { key: 'since', sv: 'från', aliases: ['fran', 'sedan'], required: true },
      { key: 'until', sv: 'till', aliases: ['tom'] },
      { key: 'strength', sv: 'styrka', required: true },
      { key: 'initiativeId', sv: 'initiativ', aliases: ['initiativId', 'initiative'] },
      { key: 'source', sv: 'källa', aliases: ['kalla'] },
    ],
  },
};

/** How a header, sheet or file name is compared: case, diacritics kept, separators dropped. */
export function headerKey(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase().replace(/[\s_.\-]+/g, '');
}

/** The kind a sheet or file name stands for (`aktörer`, `Samarbeten.csv`, `2024-ties.xlsx`), or null. */
export function kindOfName(name: string): ImportKind | null {
  const key = headerKey(name.replace(/\.(csv|tsv|txt|json|xlsx)$/i, ''));
  for (const spec of Object.values(KIND_SPECS)) if (spec.names.some((n) => key === headerKey(n))) return spec.kind;
  // A file name with more around the kind's name: the longest name it contains wins.
  let best: { kind: ImportKind; length: number } | null = null;
  for (const spec of Object.values(KIND_SPECS)) {
    for (const n of spec.names) {
      const k = headerKey(n);
      if (k.length >= 4 && key.includes(k) && (!best || k.length > best.length)) best = { kind: spec.kind, length: k.length };
    }
  }
  return best?.kind ?? null;
}

/** The kind from the header's columns, when one kind's required columns are all there and no other's are. */
export function kindOfHeader(headers: readonly string[]): ImportKind | null {
  const matches = IMPORT_KINDS.filter((kind) => {
    const mapped = mapHeader(kind, headers);
    return KIND_SPECS[kind].columns.filter((c) => c.required).every((c) => mapped.columns.includes(c.key));
  });
  // The most specific: the kind with the most required columns satisfied.
  matches.sort((a, b) => KIND_SPECS[b].columns.filter((c) => c.required).length - KIND_SPECS[a].columns.filter((c) => c.required).length);
  return matches[0] ?? null;
}

export interface MappedHeader {
  /** For each position of the header: the column key, or null for a column the kind does not have. */
  columns: Array<string | null>;
  unknown: string[];
  duplicated: string[];
}

/** Maps a header row onto a kind's columns. */
export function mapHeader(kind: ImportKind, headers: readonly string[]): MappedHeader {
  const lookup = new Map<string, string>();
  for (const column of KIND_SPECS[kind].columns) {
    for (const name of [column.key, column.sv, ...(column.aliases ?? [])]) lookup.set(headerKey(name), column.key);
  }
  const seen = new Set<string>();
  const duplicated: string[] = [];
  const unknown: string[] = [];
  const columns = headers.map((header) => {
    const key = lookup.get(headerKey(header)) ?? null;
    if (key === null) {
      if (header.trim() !== '') unknown.push(header);
      return null;
    }
    if (seen.has(key)) duplicated.push(header);
    seen.add(key);
    return key;
  });
  return { columns, unknown, duplicated };
}

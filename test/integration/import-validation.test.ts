import ExcelJS from 'exceljs';
import { importScratch, csv, useImportDatabase } from '../fixtures/import/scratch';

const ACTORS = ['id', 'kind', 'name', 'organisationNumber'];
const TIES = ['actorId', 'partnerId', 'kind', 'since', 'until', 'strength'];
const base = [
  ['val-a', 'ASSOCIATION', 'Förening A', '802002-4280'],
  ['val-b', 'COMPANY', 'Bolag B', ''],
  ['val-c', 'COMPANY', 'Bolag C', ''],
];

interface Case {
  name: string;
  file: string;
  content: string;
  rule: string;
  row: number | null;
  column: string | null;
}

/** Each rule with a file that breaks it: the problem names the row and the column. */
const CASES: Case[] = [
  { name: 'a missing required column', file: 'actors.csv', content: csv(['id', 'name'], [['x', 'X']]), rule: 'header', row: 1, column: 'kind' },
  { name: 'an empty required cell', file: 'actors.csv', content: csv(ACTORS, [...base, ['val-d', 'COMPANY', '', '']]), rule: 'required', row: 5, column: 'name' },
  { name: 'an unknown enum value', file: 'actors.csv', content: csv(ACTORS, [...base, ['val-d', 'SPACESHIP', 'D', '']]), rule: 'enum', row: 5, column: 'kind' },
  { name: 'an invalid date', file: 'ties.csv', content: csv(TIES, [['val-a', 'val-b', 'PARTNERSHIP', '2023-02-30', '', 3]]), rule: 'date', row: 2, column: 'since' },
  { name: 'an organisation number with a wrong check digit', file: 'actors.csv', content: csv(ACTORS, [...base.slice(1), ['val-a', 'ASSOCIATION', 'A', '802002-4281']]), rule: 'organisationNumber', row: 4, column: 'organisationNumber' },
  { name: 'a strength outside 1–5', file: 'ties.csv', content: csv(TIES, [['val-a', 'val-b', 'PARTNERSHIP', '2023-01-01', '', 6]]), rule: 'range', row: 2, column: 'strength' },
  { name: 'a reference to an actor that exists nowhere', file: 'ties.csv', content: csv(TIES, [['val-a', 'nobody', 'PARTNERSHIP', '2023-01-01', '', 3]]), rule: 'reference', row: 2, column: 'partnerId' },
  { name: 'a duplicate id within the file', file: 'actors.csv', content: csv(ACTORS, [...base, ['val-b', 'COMPANY', 'Bolag B igen', '']]), rule: 'duplicate', row: 5, column: 'id' },
  { name: 'a self-tie', file: 'ties.csv', content: csv(TIES, [['val-a', 'val-a', 'PARTNERSHIP', '2023-01-01', '', 3]]), rule: 'selfTie', row: 2, column: 'partnerId' },
  {
    name: 'overlapping ties of one kind between one pair in the file',
    file: 'ties.csv',
    content: csv(TIES, [['val-a', 'val-b', 'PARTNERSHIP', '2023-01-01', '2023-12-31', 3], ['val-b', 'val-a', 'samarbete', '2023-06-01', '', 2]]),
    rule: 'overlap',
    row: 3,
    column: 'since',
  },
  { name: "a stored tie's id given to another pair", file: 'ties.csv', content: csv(['id', ...TIES], [['val-tie-bc', 'val-a', 'val-b', 'PARTNERSHIP', '2023-01-01', '', 3]]), rule: 'duplicate', row: 2, column: 'id' },
  { name: 'an overlap with a stored tie', file: 'ties.csv', content: csv(TIES, [['val-b', 'val-c', 'FUNDING', '2021-01-01', '', 3]]), rule: 'overlap', row: 2, column: 'since' },
  { name: 'a personal identity number in a free-text column', file: 'actors.csv', content: csv([...ACTORS, 'description'], [...base.map((r) => [...r, '']), ['val-d', 'COMPANY', 'D', '', 'kontakt 19811218-9876']]), rule: 'personalIdentityNumber', row: 5, column: 'description' },
  { name: 'a personal identity number as an id', file: 'actors.csv', content: csv(ACTORS, [...base, ['198112189876', 'CITIZEN', '', '']]), rule: 'personalIdentityNumber', row: 5, column: 'id' },
  { name: 'a tie ending before it begins', file: 'ties.csv', content: csv(TIES, [['val-a', 'val-b', 'PARTNERSHIP', '2023-01-01', '2022-01-01', 3]]), rule: 'period', row: 2, column: 'until' },
  { name: 'a citizen without consent', file: 'actors.csv', content: csv([...ACTORS, 'registeredBy'], [['val-cit', 'medborgare', 'Anna', '', 'val-a']]), rule: 'consent', row: 2, column: 'consentGiven' },
  { name: 'a CSV with a wrong header', file: 'data.csv', content: 'foo,bar\n1,2\n', rule: 'unknownKind', row: null, column: null },
  { name: 'an empty file', file: 'actors.csv', content: '', rule: 'empty', row: null, column: null },
  { name: 'a header without rows', file: 'actors.csv', content: 'id,kind,name\n', rule: 'empty', row: null, column: null },
  { name: 'binary garbage', file: 'actors.csv', content: '', rule: 'encoding', row: null, column: null },
];

describe('bulk import: every rule, a clear problem, nothing written', () => {
  const api = useImportDatabase();
  const scratch = importScratch();
  afterAll(() => scratch.cleanUp());

  const importFile = api.importFile;
  const actorsNamed = async (ids: string[]) => (await api.db.readRows<{ actor: { id: string } }>('actors/byIds', { ids })).map((row) => row.actor.id).sort();

  beforeAll(async () => {
    await api.wipe();
    const seeded = await importFile(scratch.write('actors.csv', csv(ACTORS, base)));
    expect(seeded.status).toBe('completed');
    const tie = await importFile(scratch.write('ties.csv', csv(['id', ...TIES], [['val-tie-bc', 'val-b', 'val-c', 'FUNDING', '2020-01-01', '', 2]])));
    expect(tie.status).toBe('completed');
  });

  it.each(CASES)('$name', async ({ file, content, rule, row, column, name }) => {
    const garbage = name === 'binary garbage' ? Buffer.from([0x89, 0x00, 0xff, 0xfe, 0x13, 0x37, 0x00, 0x42, 0xc3, 0x28]) : content;
    const report = await importFile(scratch.write(file, garbage));
    expect(report.status).toBe('rejected');
    expect(report.importId).toBeNull();
    const problem = report.problems.listed.find((p) => p.rule === rule);
    expect(problem).toMatchObject({ file, row, column });
    if (row !== null) expect(problem?.message).toContain(`Row ${row}`);
    if (column !== null) expect(problem?.message).toContain(column);
    expect(problem?.message.length).toBeGreaterThan(30);
    // Never repeated back: a personal identity number in a problem's value or message.
    expect(JSON.stringify(report)).not.toMatch(/19811218|198112189876/);
    expect(await actorsNamed(['val-d', 'val-cit', 'x'])).toEqual([]);
  });

  it('names a wrong sheet of a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Aktörer').addRows([ACTORS, ['wb-1', 'COMPANY', 'WB AB', '']]);
    workbook.addWorksheet('Blad2').addRows([['x'], ['y']]);
    const file = scratch.write('book.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const report = await importFile(file);
    expect(report.status).toBe('rejected');
    expect(report.problems.listed[0]).toMatchObject({ sheet: 'Blad2', rule: 'sheetName' });
    expect(report.problems.listed[0].message).toMatch(/Blad2.*actors \(aktörer\)/);
    expect(await actorsNamed(['wb-1'])).toEqual([]);
  });

  it('writes nothing when one row among 10,000 is bad', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`bulk-${i}`, 'COMPANY', `Bolag ${i}`, '']);
    rows[7321] = ['bulk-7321', 'COMPANY', 'Bolag 7321', '556036-0794'];
    const report = await importFile(scratch.write('actors.csv', csv(ACTORS, rows)));
    expect(report.status).toBe('rejected');
    expect(report.problems.total).toBe(1);
    expect(report.problems.listed[0]).toMatchObject({ row: 7323, column: 'organisationNumber', rule: 'organisationNumber' });
    expect(report.kinds.actors).toMatchObject({ rows: 10_000, valid: 9_999, invalid: 1, created: 0 });
    expect(await actorsNamed(['bulk-0', 'bulk-5000', 'bulk-9999'])).toEqual([]);
  });

  it('writes exactly the good rows with --partial', async () => {
    const rows = [['part-1', 'COMPANY', 'P1', ''], ['part-2', 'COMPANY', '', ''], ['part-3', 'förening', 'P3', ''], ['part-4', 'ROBOT', 'P4', '']];
    const report = await importFile(scratch.write('actors.csv', csv(ACTORS, rows)), { partial: true });
    expect(report.status).toBe('partial');
    expect(report.importId).not.toBeNull();
    expect(report.problems.listed.map((p) => [p.row, p.column])).toEqual([[3, 'name'], [5, 'kind']]);
    expect(report.kinds.actors).toMatchObject({ rows: 4, valid: 2, invalid: 2, created: 2 });
    expect(await actorsNamed(['part-1', 'part-2', 'part-3', 'part-4'])).toEqual(['part-1', 'part-3']);
  });

  it('counts problems past the first 1,000 by rule', async () => {
    const rows = Array.from({ length: 1_500 }, (_, i) => [`many-${i}`, 'NOPE', 'N', '']);
    const report = await importFile(scratch.write('actors.csv', csv(ACTORS, rows)));
    expect(report.problems.total).toBe(1_500);
    expect(report.problems.listed).toHaveLength(1_000);
    expect(report.problems.countsByRule).toEqual({ enum: 1_500 });
  });
});

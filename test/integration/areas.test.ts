import { codesOf, useTestApi } from '../helpers/testApi';
import { CREATE_AREA, createActor, createAreas } from '../helpers/fixtures';

const api = useTestApi();
beforeEach(async () => {
  await api.wipe();
  await createAreas(api);
});

describe('areas', () => {
  it('resolves the hierarchy both ways', async () => {
    const data = await api.ok<{ area: unknown }>(`{ area(id: "rosengard") { name level parent { id parent { id level } } } }`);
    expect(data.area).toEqual({ name: 'Rosengård', level: 'NEIGHBOURHOOD', parent: { id: 'oster', parent: { id: 'city', level: 'CITY' } } });
    const city = await api.ok<{ area: { children: Array<{ name: string; children: Array<{ name: string }> }> } }>(`{ area(id: "city") { children { name children { name } } } }`);
    expect(city.area.children).toEqual([
      { name: 'Söder', children: [{ name: 'Holma' }] },
      { name: 'Öster', children: [{ name: 'Herrgården' }, { name: 'Rosengård' }] },
    ]);
    expect(await api.ok(`{ area(id: "nowhere") { id } }`)).toEqual({ area: null });
  });

  it('lists areas by level and by parent', async () => {
    const all = await api.ok<{ areas: Array<{ id: string }> }>(`{ areas { id } }`);
    expect(all.areas.map((a) => a.id)).toEqual(['city', 'soder', 'oster', 'herrgarden', 'holma', 'rosengard']);
    const districts = await api.ok<{ areas: Array<{ id: string }> }>(`{ areas(level: DISTRICT) { id } }`);
    expect(districts.areas.map((a) => a.id)).toEqual(['soder', 'oster']);
    const inOster = await api.ok<{ areas: Array<{ id: string }> }>(`{ areas(parentId: "oster") { id } }`);
    expect(inOster.areas.map((a) => a.id)).toEqual(['herrgarden', 'rosengard']);
  });

  it('lists the actors of an area and its sub-areas, as of a date', async () => {
    await createActor(api, { id: 'r1', kind: 'ASSOCIATION', areaId: 'rosengard', since: '2010-01-01' });
    await createActor(api, { id: 'h1', kind: 'COMPANY', areaId: 'herrgarden', since: '2020-01-01' });
    const q = `query($id: ID!, $asOf: LocalDate, $sub: Boolean) { area(id: $id) { actors(asOf: $asOf, includeSubAreas: $sub) { totalCount nodes { id } } } }`;
    expect(await api.ok(q, { id: 'oster' })).toEqual({ area: { actors: { totalCount: 2, nodes: [{ id: 'h1' }, { id: 'r1' }] } } });
    expect(await api.ok(q, { id: 'oster', asOf: '2015-01-01' })).toEqual({ area: { actors: { totalCount: 1, nodes: [{ id: 'r1' }] } } });
    expect(await api.ok(q, { id: 'oster', sub: false })).toEqual({ area: { actors: { totalCount: 0, nodes: [] } } });
  });

  it('validates the hierarchy on create', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'X', level: 'NEIGHBOURHOOD', parentId: 'city' }, 'BAD_USER_INPUT'],
      [{ name: 'X', level: 'DISTRICT' }, 'BAD_USER_INPUT'],
      [{ name: 'X', level: 'CITY', parentId: 'city' }, 'BAD_USER_INPUT'],
      [{ name: 'X', level: 'DISTRICT', parentId: 'atlantis' }, 'NOT_FOUND'],
      [{ name: '', level: 'CITY' }, 'BAD_USER_INPUT'],
      [{ id: 'city', name: 'Lund', level: 'CITY' }, 'CONFLICT'],
    ];
    for (const [input, code] of cases) expect({ input, codes: codesOf(await api.run(CREATE_AREA, { input })) }).toEqual({ input, codes: [code] });
  });

  it('renames, and deletes only leaves', async () => {
    expect(await api.ok(`mutation { updateArea(id: "holma", input: { name: "Holma-Kroksbäck" }) { name } }`)).toEqual({ updateArea: { name: 'Holma-Kroksbäck' } });
    expect(codesOf(await api.run(`mutation { deleteArea(id: "soder") { id } }`))).toEqual(['CONFLICT']);
    expect(await api.ok(`mutation { deleteArea(id: "holma") { id deleted } }`)).toEqual({ deleteArea: { id: 'holma', deleted: true } });
    expect(codesOf(await api.run(`mutation { deleteArea(id: "holma") { id } }`))).toEqual(['NOT_FOUND']);
    expect(codesOf(await api.run(`mutation { updateArea(id: "holma", input: { name: "x" }) { id } }`))).toEqual(['NOT_FOUND']);
  });
});

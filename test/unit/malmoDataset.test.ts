import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  MALMO_SEED_DIR,
  PERSONAL_IDENTITY_NUMBER,
  SeedDataError,
  isValidOrganisationNumber,
  malmoDataset,
  validateDataset,
} from '../../src/seed/malmoDataset';
import type { DatasetArrays } from '../../src/seed/types';

describe('the Malmö seed dataset', () => {
  const data = malmoDataset();
  const area = (id: string) => data.areas.find((candidate) => candidate.id === id);
  const parentName = (name: string) => {
    const child = data.areas.find((candidate) => candidate.name === name);
    return child?.parentId ? area(child.parentId)?.name : undefined;
  };

  it('reads and validates without problems', () => {
    expect(validateDataset(data)).toEqual([]);
    expect(data.actors.length).toBeGreaterThan(50);
    expect(data.collaborations.length).toBeGreaterThan(100);
  });

  it('is a three-level hierarchy: Malmö, its five districts, neighbourhoods in their real districts', () => {
    expect(data.areas.filter((a) => a.level === 'CITY').map((a) => a.name)).toEqual(['Malmö']);
    expect(data.areas.filter((a) => a.level === 'DISTRICT').map((a) => a.name).sort()).toEqual(['Innerstaden', 'Norr', 'Söder', 'Väster', 'Öster']);
    expect({
      Sofielund: parentName('Sofielund'),
      Persborg: parentName('Persborg'),
      Rosengård: parentName('Rosengård'),
      Herrgården: parentName('Herrgården'),
      'Östervärn/Kirseberg': parentName('Östervärn/Kirseberg'),
      Lindängen: parentName('Lindängen'),
      Holma: parentName('Holma'),
      Kroksbäck: parentName('Kroksbäck'),
    }).toEqual({
      Sofielund: 'Innerstaden',
      Persborg: 'Öster',
      Rosengård: 'Öster',
      Herrgården: 'Öster',
      'Östervärn/Kirseberg': 'Norr',
      Lindängen: 'Söder',
      Holma: 'Väster',
      Kroksbäck: 'Väster',
    });
  });

  it('gives every neighbourhood a cross-sector network of at least eight actors from three or more sectors', () => {
    const sector = new Map(data.actors.map((actor) => [actor.id, actor.sector]));
    for (const neighbourhood of data.areas.filter((a) => a.level === 'NEIGHBOURHOOD')) {
      const members = new Set(data.memberships.filter((m) => m.areaId === neighbourhood.id).map((m) => m.actorId));
      const sectors = new Set([...members].map((id) => sector.get(id)));
      const crossSector = data.collaborations.filter(
        (tie) => members.has(tie.fromId) && members.has(tie.toId) && sector.get(tie.fromId) !== sector.get(tie.toId),
      );
      expect({ area: neighbourhood.name, enoughActors: members.size >= 8, sectors: sectors.size >= 3, crossSector: crossSector.length >= 3 }).toEqual({
        area: neighbourhood.name,
        enoughActors: true,
        sectors: true,
        crossSector: true,
      });
    }
  });

  it('keeps citizens pseudonymous, consenting and free of anything like a personal identity number', () => {
    const citizens = data.actors.filter((actor) => actor.kind === 'CITIZEN');
    expect(citizens.length).toBeGreaterThan(20);
    for (const citizen of citizens) {
      expect(JSON.stringify(citizen)).not.toMatch(PERSONAL_IDENTITY_NUMBER);
      expect(citizen.id).toMatch(/^citizen-[a-z-]+-\d{3}$/);
      expect(citizen.synthetic).toBe(true);
      expect(citizen.name === null || /^Synthetic resident \d+ \(.+\)$/.test(citizen.name)).toBe(true);
      if (citizen.kind === 'CITIZEN') expect(citizen.consentGiven && citizen.consentDate !== null && citizen.consentPurpose !== null).toBe(true);
    }
    // And nowhere in the raw files either.
    for (const file of fs.readdirSync(MALMO_SEED_DIR).filter((name) => name.endsWith('.json'))) {
      expect({ file, match: PERSONAL_IDENTITY_NUMBER.exec(fs.readFileSync(path.join(MALMO_SEED_DIR, file), 'utf8'))?.[0] }).toEqual({ file, match: undefined });
    }
  });

  it('marks every invented organisation as synthetic, and only those', () => {
    for (const actor of data.actors) {
      if (actor.kind === 'CITIZEN') continue;
      expect({ id: actor.id, marked: /\(synthetic\)/.test(actor.name) && /synthetic/.test(actor.description ?? '') }).toEqual({ id: actor.id, marked: actor.synthetic });
    }
    expect(data.actors.filter((actor) => !actor.synthetic).map((actor) => actor.id)).toEqual(
      expect.arrayContaining(['malmo-ideella', 'sensus-skane-blekinge', 'nyforetagarcentrum-oresund', 'tillvaxtverket', 'vinnova', 'mdu', 'smart-innovation-norway']),
    );
  });

  it('carries the projects with the dates and roles the texts give', () => {
    const initiative = (id: string) => data.initiatives.find((candidate) => candidate.id === id);
    expect(initiative('init-malmo-tillsammans')).toMatchObject({ kind: 'PROJECT', startDate: '2021-01-01', endDate: '2023-02-28' });
    expect(initiative('init-malmo-tillsammans')?.sdgs).toEqual(expect.arrayContaining([8, 10, 11, 17]));
    expect(initiative('init-innovationsplattform-malmo-sydost')).toMatchObject({ startDate: '2013-07-01', endDate: '2015-12-31' });
    expect(initiative('init-innocities')).toMatchObject({ startDate: '2021-10-15', endDate: '2023-03-15' });
    const role = (actorId: string, initiativeId: string) =>
      data.participations.filter((p) => p.actorId === actorId && p.initiativeId === initiativeId).map((p) => p.role);
    expect(role('malmo-ideella', 'init-malmo-tillsammans')).toEqual(['LEAD']);
    expect(role('tillvaxtverket', 'init-malmo-tillsammans')).toEqual(['FUNDER']);
    expect(role('malmo-stad-miljoforvaltningen', 'init-innovationsplattform-malmo-sydost')).toEqual(['LEAD']);
    expect(role('vinnova', 'init-innovationsplattform-malmo-sydost')).toEqual(['FUNDER']);
    expect(role('mdu', 'init-innocities')).toEqual(['LEAD']);
    expect(new Set(data.initiatives.map((i) => i.kind))).toEqual(new Set(['PROJECT', 'INCUBATOR', 'IDEA', 'EVENT']));
  });

  it('has every kind of tie, ties that ended before 2023, and a pair joined by two ties of different kinds', () => {
    expect(new Set(data.collaborations.map((tie) => tie.kind)).size).toBe(5);
    expect(data.collaborations.filter((tie) => tie.until !== null && tie.until < '2023-01-01').length).toBeGreaterThanOrEqual(3);
    const kindsPerPair = new Map<string, Set<string>>();
    for (const tie of data.collaborations) {
      const pair = `${tie.fromId}|${tie.toId}`;
      kindsPerPair.set(pair, (kindsPerPair.get(pair) ?? new Set()).add(tie.kind));
    }
    expect([...kindsPerPair.values()].some((kinds) => kinds.size >= 2)).toBe(true);
    expect(data.collaborations.every((tie) => tie.strength >= 1 && tie.strength <= 5 && tie.source.startsWith('seed:'))).toBe(true);
  });
});

describe('validateDataset', () => {
  const base = malmoDataset();
  const copy = (): DatasetArrays => JSON.parse(JSON.stringify(base)) as DatasetArrays;

  it('finds self-ties, reversed ties, dangling references and duplicate ids', () => {
    const broken = copy();
    const [first, second] = broken.collaborations;
    broken.collaborations.push({ ...first, id: 'collab-self', toId: first.fromId });
    broken.collaborations.push({ ...first, id: 'collab-reversed', fromId: first.toId, toId: first.fromId });
    broken.collaborations.push({ ...second, id: second.id });
    broken.memberships.push({ actorId: 'nobody', areaId: 'area-malmo', since: '2020-01-01', until: null });
    broken.initiatives[0].areaIds = ['area-atlantis'];
    const problems = validateDataset(broken).join('\n');
    expect(problems).toMatch(/collab-self.*itself/);
    expect(problems).toMatch(/collab-reversed.*smaller id/);
    expect(problems).toMatch(/duplicate collaboration id/);
    expect(problems).toMatch(/actor "nobody" not found/);
    expect(problems).toMatch(/area "area-atlantis" not found/);
  });

  it('rejects a citizen carrying a personal identity number and a neighbourhood outside a district', () => {
    const broken = copy();
    const citizen = broken.actors.find((actor) => actor.kind === 'CITIZEN');
    if (citizen?.kind === 'CITIZEN') citizen.name = 'Synthetic resident 19850101-1234';
    const neighbourhood = broken.areas.find((a) => a.level === 'NEIGHBOURHOOD');
    if (neighbourhood) neighbourhood.parentId = 'area-malmo';
    const problems = validateDataset(broken).join('\n');
    expect(problems).toMatch(/personal identity number/);
    expect(problems).toMatch(/must be part of a DISTRICT/);
  });

  it('reports malformed files by file, row and field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malmo-seed-'));
    try {
      for (const file of fs.readdirSync(MALMO_SEED_DIR)) fs.copyFileSync(path.join(MALMO_SEED_DIR, file), path.join(dir, file));
      const areas = JSON.parse(fs.readFileSync(path.join(dir, 'areas.json'), 'utf8')) as Array<Record<string, unknown>>;
      areas[1].level = 'TOWN';
      fs.writeFileSync(path.join(dir, 'areas.json'), JSON.stringify(areas));
      expect(() => malmoDataset(dir)).toThrow(SeedDataError);
      expect(() => malmoDataset(dir)).toThrow(/areas\.json\[1\]\.level: expected one of CITY, DISTRICT, NEIGHBOURHOOD/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks organisation numbers with Luhn', () => {
    expect(isValidOrganisationNumber('212000-1124')).toBe(true);
    expect(isValidOrganisationNumber('212000-1125')).toBe(false);
    expect(isValidOrganisationNumber('2120001124')).toBe(false);
  });
});

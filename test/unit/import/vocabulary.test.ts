import { headerKey, kindOfHeader, kindOfName, mapHeader } from '../../../src/import/kinds';
import { ACTOR_KINDS, AREA_LEVELS, COLLABORATION_KINDS, PARTICIPATION_ROLES, parseYesNo } from '../../../src/import/vocabulary';
import { sniffDelimiter } from '../../../src/import/sources/csvSource';

describe('import vocabulary: names, headers and enums in English and Swedish', () => {
  it('reads kinds from sheet and file names', () => {
    expect(kindOfName('Aktörer')).toBe('actors');
    expect(kindOfName('samarbeten.csv')).toBe('collaborations');
    expect(kindOfName('2024-malmo-ties.xlsx')).toBe('collaborations');
    expect(kindOfName('Medlemskap')).toBe('memberships');
    expect(kindOfName('Blad1')).toBeNull();
  });

  it('maps headers whatever their case and separators, and tells the kind from them', () => {
    expect(headerKey(' Organisation_Number ')).toBe('organisationnumber');
    expect(mapHeader('actors', ['ID', 'Typ', 'Organisationsnummer', 'Färg'])).toEqual({ columns: ['id', 'kind', 'organisationNumber', null], unknown: ['Färg'], duplicated: [] });
    expect(mapHeader('actors', ['name', 'namn']).duplicated).toEqual(['namn']);
    expect(kindOfHeader(['aktör', 'partner', 'typ', 'från', 'styrka'])).toBe('collaborations');
    expect(kindOfHeader(['actorId', 'areaId', 'since'])).toBe('memberships');
    expect(kindOfHeader(['id', 'kind', 'name'])).toBe('actors');
    expect(kindOfHeader(['foo', 'bar'])).toBeNull();
  });

  it('parses enums in either language and says what is allowed', () => {
    expect(ACTOR_KINDS.parse('Förening')).toBe('ASSOCIATION');
    expect(ACTOR_KINDS.parse('city department')).toBe('CITY_DEPARTMENT');
    expect(AREA_LEVELS.parse('stadsområde')).toBe('DISTRICT');
    expect(COLLABORATION_KINDS.parse('Kunskapsutbyte')).toBe('KNOWLEDGE_EXCHANGE');
    expect(PARTICIPATION_ROLES.parse('finansiär')).toBe('FUNDER');
    expect(ACTOR_KINDS.parse('robot')).toBeNull();
    expect(ACTOR_KINDS.describe()).toContain('ASSOCIATION (förening)');
    expect([parseYesNo('Ja'), parseYesNo('no'), parseYesNo('kanske')]).toEqual([true, false, null]);
  });

  it('sniffs the delimiter from the header line, ignoring quoted text', () => {
    expect(sniffDelimiter('id;typ;namn')).toBe(';');
    expect(sniffDelimiter('id,kind,name')).toBe(',');
    expect(sniffDelimiter('"a;b;c",kind,name')).toBe(',');
    expect(sniffDelimiter('id\tkind\tname')).toBe('\t');
  });
});

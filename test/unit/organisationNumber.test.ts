import { parseOrganisationNumber } from '../../src/validation/organisationNumber';
import { luhnValid } from '../../src/validation/luhn';
import { ClientError } from '../../src/errors';

describe('parseOrganisationNumber', () => {
  it.each([
    ['212000-1124', '212000-1124'],
    ['2120001124', '212000-1124'],
    [' 802002-4280 ', '802002-4280'],
    ['556016-0680', '556016-0680'],
  ])('accepts %s as %s', (input, expected) => {
    expect(parseOrganisationNumber(input)).toBe(expected);
  });

  it.each([
    ['212000-1125', /check digit/],
    ['21200-01124', /NNNNNN-NNNN/],
    ['abc', /NNNNNN-NNNN/],
    ['811218-9876', /personal identity number/],
  ])('rejects %s', (input, message) => {
    expect(() => parseOrganisationNumber(input)).toThrow(message);
    try {
      parseOrganisationNumber(input, 'input.organisationNumber');
    } catch (error) {
      expect(error).toBeInstanceOf(ClientError);
      expect((error as ClientError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organisationNumber' });
    }
  });
});

describe('luhnValid', () => {
  it('knows a valid and an invalid number', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(luhnValid('8112189875')).toBe(false);
    expect(luhnValid('81121x9876')).toBe(false);
  });
});

import { findPersonalIdentityNumber, rejectPersonalIdentityNumbers } from '../../src/validation/personalIdentityNumber';

describe('findPersonalIdentityNumber', () => {
  it.each(['811218-9876', '8112189876', '19811218-9876', '198112189876', '811218+9876', 'call me, I am 811218-9876 ok', '811278-9873'])(
    'finds a personal identity or coordination number in %s',
    (text) => {
      expect(findPersonalIdentityNumber(text)).not.toBeNull();
    },
  );

  it.each(['811218-9875', '212000-1124', 'Malmö 2021-01-01', 'phone 040-34 10 00', '811318-9876', 'ordinary text'])('finds none in %s', (text) => {
    expect(findPersonalIdentityNumber(text)).toBeNull();
  });
});

describe('rejectPersonalIdentityNumbers', () => {
  it('names the field that holds one', () => {
    expect(() => rejectPersonalIdentityNumbers({ 'input.name': 'Kim', 'input.description': 'pnr 19811218-9876' })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.description' }) }),
    );
  });

  it('lets clean text and missing fields through', () => {
    expect(() => rejectPersonalIdentityNumbers({ a: 'Sensus Studieförbund', b: null, c: undefined })).not.toThrow();
  });
});

import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ErrorCode } from '../errors';
import { ACCEPTED_FORMS } from './period';

const notText = () => new GraphQLError(`A Period is a string: ${ACCEPTED_FORMS}.`, { extensions: { code: ErrorCode.BAD_USER_INPUT } });

/**
 * The `Period` scalar carries the text as written; the field parses it
 * (src/timeline/period.ts), so that a bad period's BAD_USER_INPUT names the
 * argument (`from` or `to`) and is the same from a literal as from a variable.
 */
export const PeriodScalar = new GraphQLScalarType<string, string>({
  name: 'Period',
  description: `A period: ${ACCEPTED_FORMS}.`,
  serialize: (value) => {
    if (typeof value !== 'string') throw notText();
    return value;
  },
  parseValue: (value) => {
    if (typeof value !== 'string') throw notText();
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw notText();
    return ast.value;
  },
});

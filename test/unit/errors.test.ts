import { GraphQLError } from 'graphql';
import { createErrorFormatter, NotFoundError } from '../../src/errors';
import { createLogger } from '../../src/logger';
import { translateNeo4jError } from '../../src/db/neo4jErrors';

describe('createErrorFormatter', () => {
  const logged: string[] = [];
  const format = createErrorFormatter(createLogger('error', (line) => logged.push(line)));

  it('passes client errors through with their code', () => {
    const error = new NotFoundError('Actor', 'x');
    expect(format({ message: error.message, extensions: error.extensions }, error).extensions?.code).toBe('NOT_FOUND');
  });

  it('masks and logs unexpected errors, leaking no driver text', () => {
    const wrapped = new GraphQLError('Neo.ClientError.Statement.SyntaxError: secret', { path: ['actor'], originalError: new Error('Neo.ClientError secret stack') });
    const formatted = format({ message: wrapped.message, path: ['actor'] }, wrapped);
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(formatted.message).not.toMatch(/secret|Neo\./);
    expect(logged.join('\n')).toMatch(/secret stack/);
  });

  it('gives request errors without a code BAD_USER_INPUT', () => {
    const error = new GraphQLError('Variable "$id" of required type "ID!" was not provided.');
    expect(format({ message: error.message }, error).extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('translateNeo4jError', () => {
  it('maps constraint violations by code, not message', () => {
    const translated = translateNeo4jError(Object.assign(new Error('whatever text'), { code: 'Neo.ClientError.Schema.ConstraintValidationFailed' }));
    expect((translated as GraphQLError).extensions?.code).toBe('CONFLICT');
    const other = new Error('already exists with label');
    expect(translateNeo4jError(other)).toBe(other);
  });
});

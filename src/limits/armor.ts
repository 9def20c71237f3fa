import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import type { LimitsConfig } from '../config';

/** The operation limits (graphql-armor): filled in by the limits work; the server and the test API both use it. */
export function armorFor(_limits: LimitsConfig): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  return { plugins: [], validationRules: [] };
}

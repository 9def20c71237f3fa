import { Kind, type FieldNode, type SelectionSetNode, type ValidationContext, type ASTVisitor } from 'graphql';
import { QueryTooComplexError } from './queryTooComplexError';

/**
 * The root fields that run a whole-network analysis (GDS, scope networks): one
 * of them can cost more than a thousand ordinary fields, which armor's cost
 * rule, counting fields and list sizes, cannot see.
 */
export const ANALYTICS_FIELDS: ReadonlySet<string> = new Set([
  'crossSectorTies',
  'sectorMatrix',
  'eiIndex',
  'assortativity',
  'diversity',
  'brokers',
  'structuralRisks',
  'communities',
  'helixCoverage',
  'connectionPaths',
  'partnerSuggestions',
]);

/** What one analytics field counts toward the operation's cost limit. */
export const ANALYTICS_FIELD_COST = 500;

/** The analytics fields at the root of an operation, through fragments, each alias counted. */
function analyticsFieldsIn(selectionSet: SelectionSetNode, context: ValidationContext, seen: Set<string>): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (ANALYTICS_FIELDS.has(selection.name.value)) found.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found.push(...analyticsFieldsIn(selection.selectionSet, context, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) found.push(...analyticsFieldsIn(fragment.selectionSet, context, seen));
    }
  }
  return found;
}

/**
 * Each analytics field weighs ANALYTICS_FIELD_COST against `maxCost`: with the
 * default 5000, ten analyses fit in one operation (a report asking for each
 * field once still does), and an alias bomb of `brokers` is refused before
 * any of it runs; the concurrency bound in AnalyticsService does the rest.
 */
export function analyticsCostRule(maxCost: number) {
  const allowed = Math.max(1, Math.floor(maxCost / ANALYTICS_FIELD_COST));
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fields = analyticsFieldsIn(operation.selectionSet, context, new Set());
      if (fields.length <= allowed) return;
      const names = [...new Set(fields.map((field) => field.name.value))].join(', ');
      context.reportError(
        new QueryTooComplexError(
          'analyticsFields',
          allowed,
          `The operation asks for ${fields.length} analytics fields (${names}); each counts ${ANALYTICS_FIELD_COST} toward the cost limit of ${maxCost}, so at most ${allowed} fit in one operation. Send them in separate requests.`,
        ),
      );
    },
  });
}

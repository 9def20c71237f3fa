/** Resolvers of the analytics fields computed from the scope's network without GDS (filled in by the analytics work). */
export const structureResolvers = {};

/** Resolvers of the analytics fields computed with Graph Data Science (filled in by the analytics work). */
export const gdsResolvers = {};

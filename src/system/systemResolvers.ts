import type { Context } from '../context';

export const systemResolvers = {
  Query: {
    serviceInfo: (_: unknown, __: unknown, ctx: Context) => ctx.serviceInfo.get(),
  },
  Mutation: {
    _noop: () => null,
  },
};

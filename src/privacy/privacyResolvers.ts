import type { Context } from '../context';
import type { ErasureReason } from './privacyRepository';

async function erase(ctx: Context, citizenId: string, reason: ErasureReason) {
  const erasure = await ctx.repos.privacy.erase(citizenId, reason);
  // Cached results and the collaboration index may still hold the citizen: forget them now.
  ctx.analytics.forgetAll();
  return erasure;
}

export const privacyResolvers = {
  Mutation: {
    eraseCitizen: (_: unknown, args: { id: string }, ctx: Context) => erase(ctx, args.id, 'ERASURE'),
    withdrawConsent: (_: unknown, args: { citizenId: string }, ctx: Context) => erase(ctx, args.citizenId, 'CONSENT_WITHDRAWN'),
  },
};

import type { Context } from '../context';
import type { Sector } from '../model';
import { maySeeCitizenDetails } from '../auth/policy';
import type { ActorRef } from './reportModel';

/** A citizen's display name only when the policy lets the caller see it; otherwise the pseudonym. */
export function actorRef(ctx: Pick<Context, 'principal'>, actor: { id: string; sector: Sector; name: string | null; registeredBy?: string | null }): ActorRef {
  const isCitizen = actor.sector === 'CITIZEN';
  const name = isCitizen && (!actor.name || !maySeeCitizenDetails(ctx.principal, actor.registeredBy)) ? `Citizen ${actor.id}` : (actor.name ?? actor.id);
  return { id: actor.id, name, sector: actor.sector };
}

/** The actors of the given ids (one loader batch), named for the caller. */
export async function actorRefs(ctx: Context, ids: readonly string[]): Promise<Map<string, ActorRef>> {
  const unique = [...new Set(ids)];
  const records = await ctx.loaders.actor.loadMany(unique);
  const refs = new Map<string, ActorRef>();
  records.forEach((record, i) => {
    if (record && !(record instanceof Error)) refs.set(unique[i], actorRef(ctx, record));
  });
  return refs;
}

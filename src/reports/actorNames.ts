import type { Context } from '../context';
import { SECTORS, type Sector } from '../model';
import type { CollaborationIndex } from '../analytics/collaborationIndex/collaborationIndex';
import { maySeeCitizenDetails, maySeeSomeCitizenDetails } from '../auth/policy';
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

/**
 * The actors of the given ids named for the caller from the collaboration index,
 * which holds every actor's sector and name: organisations by that name, citizens
 * by their pseudonym unless the caller may see some citizens' names
 * (maySeeSomeCitizenDetails), when their records are read for the registering organisation the
 * policy needs. An ANALYST's report reads no actor record at all.
 */
export async function indexActorRefs(ctx: Context, index: CollaborationIndex, ids: readonly string[]): Promise<Map<string, ActorRef>> {
  const refs = new Map<string, ActorRef>();
  const citizens: string[] = [];
  for (const id of new Set(ids)) {
    const actor = index.actorNumber(id);
    if (actor < 0) continue;
    const sector = SECTORS[index.actorSector[actor]];
    if (sector === 'CITIZEN' && !maySeeSomeCitizenDetails(ctx.principal)) refs.set(id, actorRef(ctx, { id, sector, name: null }));
    else if (sector === 'CITIZEN') citizens.push(id);
    else refs.set(id, actorRef(ctx, { id, sector, name: index.actorNames[actor] }));
  }
  for (const [id, ref] of await actorRefs(ctx, citizens)) refs.set(id, ref);
  return refs;
}

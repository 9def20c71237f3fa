import { BadUserInputError } from '../errors';
import { SECTOR_OF_KIND, type ActorKind } from '../model';
import { parseOrganisationNumber } from '../validation/organisationNumber';
import { idOrGenerate, period, requiredText, text, today, website } from '../validation/inputs';
import type { NewActor } from './actorRepository';

export interface ConsentInput {
  given: boolean;
  date?: string | null;
  purpose: string;
}

export interface AreaMembershipInput {
  areaId: string;
  since?: string | null;
  until?: string | null;
}

export interface CreateActorInput {
  id?: string | null;
  kind: ActorKind;
  name?: string | null;
  description?: string | null;
  website?: string | null;
  organisationNumber?: string | null;
  consent?: ConsentInput | null;
  synthetic?: boolean | null;
  areas?: AreaMembershipInput[] | null;
  registeredBy?: string | null;
}

export interface UpdateActorInput {
  name?: string | null;
  description?: string | null;
  website?: string | null;
  organisationNumber?: string | null;
  consent?: ConsentInput | null;
}

function consentProps(consent: ConsentInput, now: Date, field: string) {
  if (consent.given !== true) {
    throw new BadUserInputError(`${field}.given must be true: Samverkan records no citizen without consent.`, `${field}.given`);
  }
  const date = consent.date ?? today(now);
  if (date > today(now)) throw new BadUserInputError(`${field}.date (${date}) is in the future.`, `${field}.date`);
  return { consentGiven: true, consentDate: date, consentPurpose: requiredText(consent.purpose, `${field}.purpose`, { max: 500 }) };
}

export function membership(input: AreaMembershipInput, now: Date, field: string) {
  const since = input.since ?? today(now);
  period(since, input.until, `${field}.until`);
  return { areaId: input.areaId, since, until: input.until ?? null };
}

/** Checks a new actor and turns it into the properties to store. */
export function parseCreateActor(input: CreateActorInput, now: Date): NewActor {
  const isCitizen = input.kind === 'CITIZEN';
  if (isCitizen && input.organisationNumber != null) {
    throw new BadUserInputError('input.organisationNumber is for organisations; a citizen has none.', 'input.organisationNumber');
  }
  if (isCitizen && !input.consent) {
    throw new BadUserInputError('input.consent is required for a citizen: record that the person agreed, when and to what.', 'input.consent');
  }
  if (!isCitizen && input.consent) {
    throw new BadUserInputError('input.consent is for citizens only; leave it out for organisations.', 'input.consent');
  }
  if (!isCitizen && input.registeredBy != null) {
    throw new BadUserInputError('input.registeredBy is for citizens only: it names the organisation that registers the citizen.', 'input.registeredBy');
  }
  const name = isCitizen ? text(input.name, 'input.name') : requiredText(input.name, 'input.name');
  const props: Record<string, unknown> = {
    id: idOrGenerate(input.id, isCitizen ? 'citizen' : 'actor'),
    kind: input.kind,
    sector: SECTOR_OF_KIND[input.kind],
    name: name ?? null,
    description: text(input.description, 'input.description', { max: 2000 }) ?? null,
    website: website(input.website, 'input.website') ?? null,
    organisationNumber: input.organisationNumber == null ? null : parseOrganisationNumber(input.organisationNumber, 'input.organisationNumber'),
    synthetic: input.synthetic ?? false,
    ...(isCitizen ? { registeredBy: input.registeredBy ?? null } : {}),
    ...(isCitizen && input.consent ? consentProps(input.consent, now, 'input.consent') : {}),
  };
  const areas = (input.areas ?? []).map((area, index) => membership(area, now, `input.areas[${index}]`));
  const areaIds = areas.map((area) => area.areaId);
  if (new Set(areaIds).size !== areaIds.length) {
    throw new BadUserInputError('input.areas names the same area twice; give one membership per area.', 'input.areas');
  }
  return { props, areas };
}

/**
 * Checks changes to an actor of the given kind. Keys present in the input are
 * changed; `null` removes an optional field.
 */
export function parseUpdateActor(kind: ActorKind, input: UpdateActorInput, now: Date): { changes: Record<string, unknown>; consentDate: string | null } {
  const isCitizen = kind === 'CITIZEN';
  const changes: Record<string, unknown> = {};
  if ('name' in input) {
    if (!isCitizen && input.name === null) throw new BadUserInputError('input.name cannot be cleared: an organisation needs a name.', 'input.name');
    changes.name = text(input.name, 'input.name') ?? null;
  }
  if ('description' in input) changes.description = text(input.description, 'input.description', { max: 2000 }) ?? null;
  if ('website' in input) changes.website = website(input.website, 'input.website') ?? null;
  if ('organisationNumber' in input) {
    if (isCitizen && input.organisationNumber !== null) {
      throw new BadUserInputError('input.organisationNumber is for organisations; a citizen has none.', 'input.organisationNumber');
    }
    changes.organisationNumber = input.organisationNumber == null ? null : parseOrganisationNumber(input.organisationNumber, 'input.organisationNumber');
  }
  let consentDate: string | null = null;
  if ('consent' in input) {
    if (!isCitizen) throw new BadUserInputError('input.consent is for citizens only.', 'input.consent');
    if (!input.consent) throw new BadUserInputError('input.consent cannot be cleared. To withdraw consent, call withdrawConsent: it erases the citizen.', 'input.consent');
    const { consentDate: date, ...rest } = consentProps(input.consent, now, 'input.consent');
    Object.assign(changes, rest);
    consentDate = date;
  }
  if (Object.keys(changes).length === 0) throw new BadUserInputError('input has no fields to change.', 'input');
  return { changes, consentDate };
}

import { BadUserInputError } from '../errors';
import type { InitiativeKind } from '../model';
import { idOrGenerate, period, requiredText, text, website } from '../validation/inputs';
import type { InitiativeWrite } from './initiativeRepository';

export interface CreateInitiativeInput {
  id?: string | null;
  name: string;
  kind: InitiativeKind;
  description?: string | null;
  website?: string | null;
  startDate: string;
  endDate?: string | null;
  sdgs?: number[] | null;
  areaIds?: string[] | null;
}

export type UpdateInitiativeInput = Partial<Omit<CreateInitiativeInput, 'id' | 'kind'>>;

export function parseSdgs(sdgs: number[], field: string): number[] {
  for (const goal of sdgs) {
    if (!Number.isInteger(goal) || goal < 1 || goal > 17) {
      throw new BadUserInputError(`${field} holds ${goal}; the UN Sustainable Development Goals are numbered 1 to 17.`, field);
    }
  }
  return [...new Set(sdgs)].sort((a, b) => a - b);
}

function uniqueIds(ids: string[], field: string): string[] {
  if (new Set(ids).size !== ids.length) throw new BadUserInputError(`${field} names the same area twice.`, field);
  return ids;
}

export function parseCreateInitiative(input: CreateInitiativeInput): InitiativeWrite {
  period(input.startDate, input.endDate, 'input.endDate');
  return {
    props: {
      id: idOrGenerate(input.id, 'initiative'),
      name: requiredText(input.name, 'input.name'),
      kind: input.kind,
      description: text(input.description, 'input.description', { max: 4000 }) ?? null,
      website: website(input.website, 'input.website') ?? null,
      sdgs: parseSdgs(input.sdgs ?? [], 'input.sdgs'),
      synthetic: false,
    },
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    clearEndDate: false,
    areaIds: uniqueIds(input.areaIds ?? [], 'input.areaIds'),
  };
}

export function parseUpdateInitiative(input: UpdateInitiativeInput): InitiativeWrite {
  const props: Record<string, unknown> = {};
  if ('name' in input) props.name = requiredText(input.name, 'input.name');
  if ('description' in input) props.description = text(input.description, 'input.description', { max: 4000 }) ?? null;
  if ('website' in input) props.website = website(input.website, 'input.website') ?? null;
  if ('sdgs' in input) props.sdgs = parseSdgs(input.sdgs ?? [], 'input.sdgs');
  if ('startDate' in input && input.startDate === null) throw new BadUserInputError('input.startDate cannot be cleared.', 'input.startDate');
  const write: InitiativeWrite = {
    props,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    clearEndDate: 'endDate' in input && input.endDate === null,
    areaIds: 'areaIds' in input ? uniqueIds(input.areaIds ?? [], 'input.areaIds') : null,
  };
  if (Object.keys(props).length === 0 && !write.startDate && !write.endDate && !write.clearEndDate && !write.areaIds) {
    throw new BadUserInputError('input has no fields to change.', 'input');
  }
  return write;
}

import type { Database, QueryObserver } from './db/database';
import type { Logger } from './logger';
import { ActorRepository } from './actors/actorRepository';
import { AreaRepository } from './areas/areaRepository';
import { InitiativeRepository } from './initiatives/initiativeRepository';
import { CollaborationRepository } from './collaborations/collaborationRepository';
import { createLoaders, type Loaders, type Repositories } from './loaders/createLoaders';
import type { ServiceInfoProvider } from './system/serviceInfo';
import type { AnalyticsService } from './analytics/analyticsService';
import type { Principal } from './auth/principal';
import { AuditRepository } from './audit/auditRepository';
import { PrivacyRepository } from './privacy/privacyRepository';

/** What every resolver receives: built fresh for each request, never mutated. */
export interface Context {
  readonly repos: Repositories;
  readonly loaders: Loaders;
  readonly logger: Logger;
  readonly serviceInfo: ServiceInfoProvider;
  /** Shared across requests: it holds the analytics cache. */
  readonly analytics: AnalyticsService;
  /** The request's clock; "today" defaults come from here. */
  readonly now: Date;
  /** Who is calling; every access rule asks src/auth/policy.ts about it. */
  readonly principal: Principal;
  /** Counts of citizens below this are suppressed for callers without citizen access (SAMVERKAN_SUPPRESSION_K). */
  readonly suppressionK: number;
}

export interface ContextDependencies {
  db: Database;
  logger: Logger;
  serviceInfo: ServiceInfoProvider;
  analytics: AnalyticsService;
  principal: Principal;
  /** Default 5. */
  suppressionK?: number;
  /** Sees every statement the request sends (tests count round trips with it). */
  observer?: QueryObserver;
}

export function createContext(deps: ContextDependencies): Context {
  const repos: Repositories = {
    actors: new ActorRepository(deps.db, deps.observer, deps.principal),
    areas: new AreaRepository(deps.db, deps.observer),
    initiatives: new InitiativeRepository(deps.db, deps.observer, deps.principal),
    collaborations: new CollaborationRepository(deps.db, deps.observer, deps.principal),
    audit: new AuditRepository(deps.db, deps.observer),
    privacy: new PrivacyRepository(deps.db, deps.observer, deps.principal),
  };
  return { repos, loaders: createLoaders(repos), logger: deps.logger, serviceInfo: deps.serviceInfo, analytics: deps.analytics, now: new Date(), principal: deps.principal, suppressionK: deps.suppressionK ?? 5 };
}

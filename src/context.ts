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
import { ApiKeyService } from './auth/apiKeys/apiKeyService';
import { AuditRepository } from './audit/auditRepository';
import { PrivacyRepository } from './privacy/privacyRepository';
import { DEFAULT_LIMITS, type LimitsConfig } from './config';
import { combineObservers, rowBudget } from './limits/rowBudget';

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
  /** API keys: created, listed and revoked by ADMIN (shared: it remembers when each key was last touched). */
  readonly apiKeys: ApiKeyService;
}

export interface ContextDependencies {
  db: Database;
  logger: Logger;
  serviceInfo: ServiceInfoProvider;
  analytics: AnalyticsService;
  principal: Principal;
  /** Default 5. */
  suppressionK?: number;
  /** The service's one ApiKeyService; tests may leave it out and get a fresh one. */
  apiKeys?: ApiKeyService;
  /** Sees every statement the request sends (tests count round trips with it). */
  observer?: QueryObserver;
  /** Default DEFAULT_LIMITS: past maxRowsPerRequest records the request fails with RESULT_TOO_LARGE. */
  limits?: Pick<LimitsConfig, 'maxRowsPerRequest'>;
}

export function createContext(deps: ContextDependencies): Context {
  // One budget per request, seen by every repository (and so every loader) of it.
  const observer = combineObservers(deps.observer, rowBudget((deps.limits ?? DEFAULT_LIMITS).maxRowsPerRequest));
  const repos: Repositories = {
    actors: new ActorRepository(deps.db, observer, deps.principal),
    areas: new AreaRepository(deps.db, observer),
    initiatives: new InitiativeRepository(deps.db, observer, deps.principal),
    collaborations: new CollaborationRepository(deps.db, observer, deps.principal),
    // The audit entry is written even when the request's budget is spent.
    audit: new AuditRepository(deps.db, deps.observer),
    privacy: new PrivacyRepository(deps.db, observer, deps.principal),
  };
  return { repos, loaders: createLoaders(repos, deps.analytics), logger: deps.logger, serviceInfo: deps.serviceInfo, analytics: deps.analytics, now: new Date(), principal: deps.principal, suppressionK: deps.suppressionK ?? 5, apiKeys: deps.apiKeys ?? new ApiKeyService({ db: deps.db, logger: deps.logger }) };
}

import integrationSetup from '../helpers/globalSetup';
import { buildExplorer } from '../../scripts/buildExplorer';

/** The browser tier needs what the integration tier needs (one real Neo4j, migrated) plus the bundled page. */
export default async function globalSetup(): Promise<void> {
  await buildExplorer();
  await integrationSetup();
}

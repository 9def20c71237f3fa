/**
 * The quarterly partnership report from the command line:
 *
 *   npm run report -- --period 2022-Q3 --area area-rosengard --format pdf,html,xlsx --lang sv --out reports/ [--issue]
 *
 * An operator tool: it runs on the host as the SYSTEM principal
 * (src/auth/principal.ts), with full rights, so citizens' names and small counts
 * are shown unsuppressed. Hand a report to others through
 * GET /reports/partnership or the partnershipReport field, which read it with
 * the caller's rights. Connects like the seed: NEO4J_URI when set, otherwise the
 * embedded store in SAMVERKAN_DATA_DIR (only while the service is not running).
 * Exit 2 on bad arguments, 1 on failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DatabaseConfig } from '../src/config';
import { startCli, UsageError } from './cliStart';
import { connectDatabase, type ConnectedDatabase } from '../src/db/connectDatabase';
import { migrate } from '../src/db/migrate';
import { ClientError } from '../src/errors';
import { createLogger } from '../src/logger';
import { createContext } from '../src/context';
import { createServiceInfoProvider } from '../src/system/serviceInfo';
import { AnalyticsService } from '../src/analytics/analyticsService';
import { CollaborationIndexStore } from '../src/analytics/collaborationIndex/collaborationIndexStore';
import { SYSTEM_PRINCIPAL } from '../src/auth/principal';
import { VERSION } from '../src/version';
import { buildPartnershipReport } from '../src/reports/buildReport';
import { issuePartnershipReport } from '../src/reports/issueReport';
import { parseFormats, renderReport, type ReportFormat } from '../src/reports/renderReport';
import { reportBaseName } from '../src/reports/renderReport';
import { reportCsvFiles } from '../src/reports/csv';
import { stopChartRenderer } from '../src/reports/chartRenderer';
import type { CompareTo } from '../src/reports/period';

const USAGE = `Usage: npm run report -- --period PERIOD [--area AREA_ID] [--format pdf,html,xlsx,csv] [--lang sv|en]
                         [--compare-to previous-period|same-period-last-year] [--out DIR] [--issue]

  --period PERIOD   a quarter (2022-Q3), a month (2022-07) or a year (2022)
  --area AREA_ID    the area (its sub-areas included); omit for the whole city
  --format LIST     one or more of pdf, html, xlsx, csv (default pdf,html,xlsx); csv writes one file per table
  --lang sv|en      the language of labels and sentences (default sv)
  --compare-to      the comparison period of the headline figures (default previous-period)
  --out DIR         where to write the files (default reports/)
  --issue           store the report's figures with its graph version: later runs mark revised figures

Runs as the SYSTEM principal, with full rights (citizens' names and small counts shown).`;


const CLI_MIN_TIMEOUT_MS = 300_000;

interface Options {
  period: string;
  area: string | null;
  formats: ReportFormat[];
  lang: 'SV' | 'EN';
  compareTo: CompareTo;
  out: string;
  issue: boolean;
}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        period: { type: 'string' },
        area: { type: 'string' },
        format: { type: 'string', default: 'pdf,html,xlsx' },
        lang: { type: 'string', default: 'sv' },
        'compare-to': { type: 'string', default: 'previous-period' },
        out: { type: 'string', default: 'reports' },
        issue: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  if (!values.period) throw new UsageError('--period is required, e.g. --period 2022-Q3');
  const lang = values.lang.toUpperCase();
  if (lang !== 'SV' && lang !== 'EN') throw new UsageError(`--lang must be sv or en; got "${values.lang.slice(0, 20)}"`);
  const compareTo = values['compare-to'].toUpperCase().replace(/-/g, '_');
  if (compareTo !== 'PREVIOUS_PERIOD' && compareTo !== 'SAME_PERIOD_LAST_YEAR') throw new UsageError('--compare-to must be previous-period or same-period-last-year');
  let formats: ReportFormat[];
  try {
    formats = parseFormats(values.format, '--format');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { period: values.period, area: values.area ?? null, formats, lang, compareTo, out: values.out, issue: values.issue };
}

/** One line on stderr, rewritten in place on a terminal. */
function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${message}`);
  else process.stderr.write(`${message}\n`);
}

async function main(): Promise<number> {
  const cli = startCli('report', USAGE, parseOptions);
  if (typeof cli === 'number') return cli;
  const { options, config } = cli;
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database: DatabaseConfig = config.database.mode === 'embedded' ? { ...config.database, boltPort: 0 } : config.database;
  let connected: ConnectedDatabase | null = null;
  let index: CollaborationIndexStore | undefined;
  process.once('SIGINT', () => {
    void (connected?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  const started = Date.now();
  try {
    progress('report: connecting to the database…');
    try {
      connected = await connectDatabase(database, logger);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(
        `\nreport: ${/lock/i.test(message) ? `the embedded store in ${config.database.mode === 'embedded' ? config.database.dataDir : ''} is in use, most likely by the running service: stop it, or use GET /reports/partnership` : `could not connect to the database: ${message.split('\n')[0]}`}\n`,
      );
      return 1;
    }
    await migrate(connected.db, logger);
    const serviceInfo = createServiceInfoProvider(connected.db, VERSION);
    // One operator, no other callers to protect: a whole-city report may take longer than one request is allowed.
    const timeoutMs = Math.max(config.analyticsTimeoutMs, CLI_MIN_TIMEOUT_MS);
    // The collaboration index, as the service keeps it: the counts then come from memory, not one Cypher statement each.
    progress('report: reading the collaboration graph into memory…');
    index = config.analyticsIndex ? new CollaborationIndexStore({ db: connected.db, logger }) : undefined;
    await index?.refresh();
    const analytics = new AnalyticsService({ db: connected.db, serviceInfo, logger, timeoutMs, index });
    const ctx = createContext({ db: connected.db, logger, serviceInfo, analytics, principal: SYSTEM_PRINCIPAL, suppressionK: config.suppressionK, limits: config.limits });
    const request = { period: options.period, areaId: options.area, compareTo: options.compareTo, lang: options.lang };
    progress(`report: computing ${options.period} ${options.area ?? 'whole city'} (matrix, trend, coverage, brokers)…`);
    const report = options.issue ? await issuePartnershipReport(ctx, request) : await buildPartnershipReport(ctx, request);
    fs.mkdirSync(options.out, { recursive: true });
    const written: string[] = [];
    for (const [i, format] of options.formats.entries()) {
      progress(`report: rendering ${format} (${i + 1}/${options.formats.length})…`);
      if (format === 'csv') {
        for (const file of reportCsvFiles(report, reportBaseName(report))) {
          fs.writeFileSync(path.join(options.out, file.name), file.content, 'utf8');
          written.push(path.join(options.out, file.name));
        }
        continue;
      }
      const file = await renderReport(report, format);
      fs.writeFileSync(path.join(options.out, file.name), file.content);
      written.push(path.join(options.out, file.name));
    }
    progress(`report: done in ${((Date.now() - started) / 1000).toFixed(1)} s, graph version ${report.graphVersion}\n`);
    if (report.issued) {
      process.stderr.write(
        options.issue
          ? `report: issued as ${report.issued.id}\n`
          : `report: checked against the report issued ${report.issued.issuedAt}: ${report.issued.revisedFigures} figure(s) revised\n`,
      );
    }
    for (const file of written) process.stdout.write(`${file}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ClientError) {
      process.stderr.write(`\nreport: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`\nreport: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    await stopChartRenderer();
    await index?.close();
    await connected?.close();
  }
}

void main().then((code) => process.exit(code));

import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { malmoDataset } from '../../src/seed/malmoDataset';
import { loadDataset } from '../../src/seed/loadDataset';
import { createContext } from '../../src/context';
import { createLogger } from '../../src/logger';
import { createServiceInfoProvider } from '../../src/system/serviceInfo';
import type { Principal } from '../../src/auth/principal';
import { reportsRouter } from '../../src/reports/reportsRoute';
import { stopChartRenderer } from '../../src/reports/chartRenderer';
import { ADMIN, ANALYST, VIEWER } from '../helpers/principals';
import { useTestApi } from '../helpers/testApi';
import { pdfPages } from '../unit/reports/pdfText';

/**
 * GET /reports/partnership on a small Express app: a stand-in for the
 * authentication middleware puts the principal named by the X-Test-Role header
 * in res.locals.principal, as the service's does.
 */
const api = useTestApi();
const PRINCIPALS: Record<string, Principal> = { ADMIN, ANALYST, VIEWER };
let server: Server;
let base: string;

beforeAll(async () => {
  await api.wipe();
  await loadDataset(api.db, malmoDataset());
  const logger = createLogger('error', () => undefined);
  const serviceInfo = createServiceInfoProvider(api.db, 'test');
  const app = express();
  app.use((req, res, next) => {
    const role = req.header('x-test-role');
    if (role) res.locals.principal = PRINCIPALS[role];
    next();
  });
  app.use(reportsRouter({ logger, context: async (principal) => createContext({ db: api.db, logger, serviceInfo, analytics: api.analytics, principal }) }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await stopChartRenderer();
});

const get = (query: string, role: string | null = 'ANALYST') => fetch(`${base}/reports/partnership?${query}`, { headers: role ? { 'x-test-role': role } : {} });

describe('GET /reports/partnership', () => {
  it.each([
    ['pdf', 'application/pdf', 'partnership-report_area-rosengard_2022-Q3_sv.pdf'],
    ['html', 'text/html; charset=utf-8', 'partnership-report_area-rosengard_2022-Q3_sv.html'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'partnership-report_area-rosengard_2022-Q3_sv.xlsx'],
    ['csv', 'application/zip', 'partnership-report_area-rosengard_2022-Q3_sv_csv.zip'],
  ])('answers format=%s with its type and a file name', async (format, type, name) => {
    const response = await get(`period=2022-Q3&area=area-rosengard&format=${format}&lang=sv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeGreaterThan(500);
    if (format === 'pdf') expect(pdfPages(body)[0]).toContain('Partnerskapsrapport');
    if (format === 'html') expect(body.toString('utf8')).toContain('<html lang="sv">');
  });

  it('gives one table as CSV with table=, in English with lang=en', async () => {
    // As ADMIN: for an ANALYST, Rosengård's 4 citizens withhold every headline figure.
    const response = await get('period=2022-Q3&area=area-rosengard&format=csv&table=headline&lang=en', 'ADMIN');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="partnership-report_area-rosengard_2022-Q3_en_headline.csv"');
    const text = await response.text();
    expect(text).toContain('Figure,Value,Comparison,Change,Explanation');
    expect(text).toContain('Cross-sector share,0.75,');
  });

  it.each([
    ['format=pdf', 'period'],
    ['period=2022-Q9&format=pdf', 'period'],
    ['period=2022-Q3&format=docx', 'format'],
    ['period=2022-Q3&format=pdf,html', 'format'],
    ['period=2022-Q3&format=pdf&lang=de', 'lang'],
    ['period=2022-Q3&format=pdf&compareTo=last-week', 'compareTo'],
    ['period=2022-Q3&period=2022-Q4&format=pdf', 'period'],
    ['period=2022-Q3&format=pdf&table=headline', 'table'],
    ['period=2022-Q3&format=csv&table=nope', 'table'],
  ])('refuses %s with BAD_USER_INPUT naming %s', async (query, field) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string; field: string } }> };
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors[0].message).toContain(field);
  });

  it('answers an unknown area with NOT_FOUND naming area, a VIEWER with FORBIDDEN and no principal with UNAUTHENTICATED', async () => {
    const unknown = await get('period=2022-Q3&area=area-nowhere&format=html');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errors: Array<{ extensions: object }> }).errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'area' });
    const viewer = await get('period=2022-Q3&format=html', 'VIEWER');
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { errors: Array<{ extensions: object }> }).errors[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const nobody = await get('period=2022-Q3&format=html', null);
    expect(nobody.status).toBe(401);
    expect(nobody.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('reads the report with the caller’s rights: small citizen counts withheld from an ANALYST, shown to an ADMIN', async () => {
    const analyst = await (await get('period=2022-Q3&area=area-rosengard&format=csv&table=sector_actors')).text();
    const admin = await (await get('period=2022-Q3&area=area-rosengard&format=csv&table=sector_actors', 'ADMIN')).text();
    expect(analyst).toContain('medborgare,< 5');
    expect(admin).toMatch(/medborgare,[1-4]\r\n/);
  });
});

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { YearlyReportRequestError } from '../resolvers/oversight/yearly-report/gather.js';
import { yearlyReportPage } from '../resolvers/oversight/yearly-report/page.js';
import { REPORT_CSP } from '../resolvers/oversight/yearly-report/render.js';

const REPORT_PATH = /^\/reports\/([^/]+)\/([^/]+)\/?$/;

/** Whether the path is a yearly report's: /reports/{department}/{year}. */
export function isReportPath(pathname: string): boolean {
  return REPORT_PATH.test(pathname);
}

/**
 * GET /reports/{department}/{year}: the yearly report page, the same one
 * `gongkai report` writes. 404 for an unknown department, 400 for a bad year,
 * each with a one-line reason.
 */
export async function sendYearlyReport(req: IncomingMessage, res: ServerResponse, orm: MikroORM, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendText(res, 405, `method ${req.method} is not allowed; use GET`);
  }
  const [, rawDepartment, rawYear] = REPORT_PATH.exec(pathname)!;
  let department: string;
  let year: string;
  try {
    department = decodeURIComponent(rawDepartment!);
    year = decodeURIComponent(rawYear!);
  } catch {
    return sendText(res, 400, 'malformed percent-encoding in the path');
  }
  let html: string;
  try {
    // One EntityManager fork per request, as for GraphQL.
    html = await yearlyReportPage(orm.em.fork(), department, year);
  } catch (err) {
    if (!(err instanceof YearlyReportRequestError)) throw err;
    return sendText(res, err.reason === 'UNKNOWN_DEPARTMENT' ? 404 : 400, err.message);
  }
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': REPORT_CSP,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

function sendText(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}

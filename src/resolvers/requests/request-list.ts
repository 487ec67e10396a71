import DataLoader from 'dataloader';
import type { DisclosureRequest } from '../../entities/requests/disclosure-request.entity.js';
import { todayInChina } from '../../kernel/time/china-date.js';
import { connectionOf, pageSize, type Connection } from '../../kernel/connection.js';
import type { Context, LoaderFactory } from '../../kernel/context.js';
import { BadUserInputError } from '../../kernel/errors.js';
import { countRows, run } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';
import { departmentByCode, regionByCode } from '../core/loaders.js';
import type { DisclosureRequestFilter, DisclosureRequestListArgs } from './request-filter.input.js';
import {
  afterRequest,
  keysetAfter,
  ORDER_BY,
  requestColumns,
  requestConditions,
  requestCursor,
  toRequests,
  type RequestCursor,
} from './request.repository.js';

/** Refuses a filter that cannot mean anything, naming the field, before any SQL runs. */
async function checkFilter(ctx: Context, filter: DisclosureRequestFilter | null | undefined): Promise<void> {
  if (!filter) return;
  const bad = (field: string, reason: string) => new BadUserInputError(`filter.${field} ${reason}`, `filter.${field}`);
  if (filter.regionCode != null) {
    if (!/^\d{6}$/.test(filter.regionCode)) throw bad('regionCode', `must be a 6-digit GB/T 2260 code, got "${filter.regionCode}"`);
    if (!(await ctx.loader(regionByCode).load(filter.regionCode))) throw bad('regionCode', `names no region: ${filter.regionCode}`);
  }
  if (filter.departmentCode != null && !(await ctx.loader(departmentByCode).load(filter.departmentCode))) {
    throw bad('departmentCode', `names no department: ${filter.departmentCode}`);
  }
  if (filter.receivedFrom && filter.receivedTo && filter.receivedFrom > filter.receivedTo) throw bad('receivedFrom', 'is after receivedTo');
}

/** `disclosureRequests`: one query for the page (first + 1 rows), one more only if totalCount is asked. */
export async function listRequests(ctx: Context, args: DisclosureRequestListArgs): Promise<Connection<DisclosureRequest>> {
  const limit = pageSize(args.first);
  const tag = 'disclosureRequests';
  const after = afterRequest(args.after, tag);
  await checkFilter(ctx, args.filter);
  const today = todayInChina();
  const where = requestConditions(args.filter, today);
  const keyset = keysetAfter(after);
  if (keyset) where.push(keyset);
  const query = sql`select ${requestColumns(ctx.em)} from disclosure_request r${sql.where(where)} order by ${ORDER_BY} limit ${limit + 1}`;
  const rows = limit === 0 ? [] : await run(ctx.em, query, 'per-values');
  return connectionOf(
    toRequests(ctx.em, rows),
    limit,
    (r) => requestCursor(tag, r),
    () => countRows(ctx.em, sql.raw('disclosure_request r'), requestConditions(args.filter, today)),
    args.after,
  );
}

const DEPARTMENT_TAG = 'Department.requests';

/**
 * `Department.requests` for every department on the page: one LATERAL top-N
 * statement for all their pages, and one for all their counts (only if asked).
 */
function departmentLoaders(ctx: Context, args: DisclosureRequestListArgs, after: RequestCursor | undefined) {
  const limit = pageSize(args.first);
  const tag = DEPARTMENT_TAG;
  const today = todayInChina();
  const values = (codes: readonly string[]) => sql`(values ${sql.join(codes.map((c) => sql`(${c})`))}) as x(code)`;
  const count = new DataLoader<string, number>(async (codes) => {
    const where = [sql`r.department_code = x.code`, ...requestConditions(args.filter, today)];
    const rows = await run<{ code: string; n: number }>(
      ctx.em,
      sql`select x.code, c.n from ${values(codes)} cross join lateral (select count(*)::int as n from disclosure_request r where ${sql.join(where, ' and ')}) c`,
      'per-values',
    );
    const byCode = new Map(rows.map((r) => [r.code, r.n]));
    return codes.map((c) => byCode.get(c) ?? 0);
  });
  const page = new DataLoader<string, Connection<DisclosureRequest>>(async (codes) => {
    let rows: Record<string, unknown>[] = [];
    if (limit > 0) {
      const where = [sql`r.department_code = x.code`, ...requestConditions(args.filter, today)];
      const keyset = keysetAfter(after);
      if (keyset) where.push(keyset);
      rows = await run(
        ctx.em,
        sql`select r.* from ${values(codes)} cross join lateral (select ${requestColumns(ctx.em)} from disclosure_request r where ${sql.join(where, ' and ')} order by ${ORDER_BY} limit ${limit + 1}) r`,
        'per-values',
      );
    }
    const byCode = new Map<string, DisclosureRequest[]>();
    for (const request of toRequests(ctx.em, rows)) {
      const list = byCode.get(request.department.code) ?? [];
      list.push(request);
      byCode.set(request.department.code, list);
    }
    return codes.map((code) =>
      connectionOf(byCode.get(code) ?? [], limit, (r) => requestCursor(tag, r), () => count.load(code), args.after),
    );
  });
  return page;
}

/** Per request: one loader per set of arguments, so departments sharing arguments share a query. */
const departmentRegistry: LoaderFactory<Map<string, DataLoader<string, Connection<DisclosureRequest>>>> = () => new Map();

export async function departmentRequests(ctx: Context, code: string, args: DisclosureRequestListArgs): Promise<Connection<DisclosureRequest>> {
  // A bad cursor is refused here, for this field, not from inside the batch shared with other departments.
  const after = afterRequest(args.after, DEPARTMENT_TAG);
  await checkFilter(ctx, args.filter);
  const registry = ctx.loader(departmentRegistry);
  const key = JSON.stringify([args.filter ?? null, args.first ?? null, args.after ?? null]);
  let loader = registry.get(key);
  if (!loader) {
    loader = departmentLoaders(ctx, args, after);
    registry.set(key, loader);
  }
  return loader.load(code);
}

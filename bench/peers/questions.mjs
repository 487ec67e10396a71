// The four questions of bench/peers, each asked three ways: Gongkai's GraphQL,
// PostGraphile's generated GraphQL (amber preset, names from its schema), and
// plain SQL through pg (the floor). Each engine's answer is normalised to one
// common shape, so the run can check the three agree before it times them.
//
// What the common shape leaves out, and why: amber has no aggregates (no
// GROUP BY), so Gongkai's `domainCounts` is not asked of anyone; a subject's
// credit standing (红名单/黑名单 in force) is a Gongkai field, which a
// PostGraphile client derives from the credit entries it fetched — its
// normaliser does that, outside the timed request.
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Red/black list standing from entries with list, validFrom, validUntil, revokedOn (as bench/read's floor). */
export function standing(entries) {
  const t = today();
  let red = false;
  let black = false;
  for (const e of entries) {
    const state = e.revokedOn && e.revokedOn <= t ? 'REVOKED' : e.validUntil && e.validUntil < t ? 'EXPIRED' : e.validFrom > t ? 'PENDING' : 'IN_FORCE';
    if (state !== 'IN_FORCE') continue;
    if (e.list === 'RED') red = true;
    else black = true;
  }
  return red && black ? 'BOTH' : red ? 'RED' : black ? 'BLACK' : 'NONE';
}

/** Gongkai's Node ids are base64url("Type:key"); the common shape keeps the key. */
function rowId(globalId) {
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  return Number(text.slice(text.indexOf(':') + 1));
}

const ENTRY = 'list validFrom validUntil revokedOn';
const ENTRY_SQL = `list, valid_from::text as "validFrom", valid_until::text as "validUntil", revoked_on::text as "revokedOn"`;
const RECORD_SQL = `d.id, d.domain, d.category, d.title, d.formed_on::text as formed_on, d.published_on::text as published_on, d.amount, d.publisher_code, d.region_code`;
const PARTIES_ORDER = 'orderBy: [ROLE_ASC, RANK_ASC, CREDIT_CODE_ASC]';

async function partiesOf(pg, ids) {
  const map = new Map();
  if (ids.length === 0) return map;
  const { rows } = await pg.query(
    `select p.disclosure_id, p.role, s.name, s.credit_code from disclosure_party p left join subject s on s.credit_code = p.credit_code
      where p.disclosure_id = any($1) order by p.disclosure_id, p.role, p.rank nulls last, p.credit_code`,
    [ids],
  );
  for (const r of rows) {
    if (!map.has(r.disclosure_id)) map.set(r.disclosure_id, []);
    map.get(r.disclosure_id).push(r);
  }
  return map;
}

async function namesOf(pg, table, codes) {
  const { rows } = await pg.query(`select code, name from ${table} where code = any($1)`, [[...new Set(codes)]]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

async function entriesOf(pg, codes) {
  const { rows } = await pg.query(`select credit_code, ${ENTRY_SQL} from credit_entry where credit_code = any($1) order by decided_on, entry_id`, [codes]);
  const map = new Map(codes.map((c) => [c, []]));
  for (const r of rows) map.get(r.credit_code).push(r);
  return map;
}

export function questions({ busiest, nodeRecord }) {
  return {
    'enterprise 360': {
      gongkai: {
        query: `query ($code: CreditCode!) { subject(creditCode: $code) {
          creditCode name creditStatus
          creditEntries { list reason decidedOn validFrom validUntil revokedOn }
          disclosures(first: 20) { totalCount edges { node { id title domain category formedOn publishedOn amount publisher { name } parties { role subject { name } } } } }
        } }`,
        variables: { code: busiest },
        normalise: ({ subject: s }) => ({
          creditCode: s.creditCode,
          name: s.name,
          creditStatus: s.creditStatus,
          creditEntries: s.creditEntries,
          totalCount: s.disclosures.totalCount,
          records: s.disclosures.edges.map(({ node: n }) => ({
            id: rowId(n.id),
            title: n.title,
            domain: n.domain,
            category: n.category,
            formedOn: n.formedOn,
            publishedOn: n.publishedOn,
            amount: n.amount,
            publisher: n.publisher.name,
            parties: n.parties.map((p) => ({ role: p.role, name: p.subject?.name ?? null })),
          })),
        }),
      },
      postgraphile: {
        // A subject's records are reached through its party rows, newest first
        // on the (credit_code, formed_on, disclosure_id) index both others use.
        query: `query ($code: String!) { subjectByCreditCode(creditCode: $code) {
          creditCode name
          creditEntriesByCreditCode(orderBy: [DECIDED_ON_ASC, ENTRY_ID_ASC]) { nodes { list reason decidedOn validFrom validUntil revokedOn } }
          disclosurePartiesByCreditCode(first: 20, orderBy: [FORMED_ON_DESC, DISCLOSURE_ID_DESC]) { totalCount nodes { disclosureByDisclosureId {
            rowId title domain category formedOn publishedOn amount departmentByPublisherCode { name }
            disclosurePartiesByDisclosureId(${PARTIES_ORDER}) { nodes { role subjectByCreditCode { name } } }
          } } }
        } }`,
        variables: { code: busiest },
        normalise: ({ subjectByCreditCode: s }) => {
          const entries = s.creditEntriesByCreditCode.nodes;
          return {
            creditCode: s.creditCode,
            name: s.name,
            creditStatus: standing(entries),
            creditEntries: entries,
            totalCount: s.disclosurePartiesByCreditCode.totalCount,
            records: s.disclosurePartiesByCreditCode.nodes.map(({ disclosureByDisclosureId: d }) => ({
              id: d.rowId,
              title: d.title,
              domain: d.domain,
              category: d.category,
              formedOn: d.formedOn,
              publishedOn: d.publishedOn,
              amount: d.amount,
              publisher: d.departmentByPublisherCode.name,
              parties: d.disclosurePartiesByDisclosureId.nodes.map((p) => ({ role: p.role, name: p.subjectByCreditCode?.name ?? null })),
            })),
          };
        },
      },
      async floor(pg) {
        const [{ rows: [s] }, { rows: entries }, { rows: records }, { rows: [{ n }] }] = await Promise.all([
          pg.query('select credit_code, name from subject where credit_code = $1', [busiest]),
          pg.query(
            `select list, reason, decided_on::text as "decidedOn", valid_from::text as "validFrom", valid_until::text as "validUntil", revoked_on::text as "revokedOn"
               from credit_entry where credit_code = $1 order by decided_on, entry_id`,
            [busiest],
          ),
          pg.query(
            `select ${RECORD_SQL} from disclosure d where d.id in (select disclosure_id from disclosure_party where credit_code = $1)
              order by d.formed_on desc, d.id desc limit 20`,
            [busiest],
          ),
          pg.query('select count(distinct disclosure_id)::int as n from disclosure_party where credit_code = $1', [busiest]),
        ]);
        const [parties, publishers] = await Promise.all([partiesOf(pg, records.map((r) => r.id)), namesOf(pg, 'department', records.map((r) => r.publisher_code))]);
        return {
          creditCode: s.credit_code,
          name: s.name,
          creditStatus: standing(entries),
          creditEntries: entries,
          totalCount: n,
          records: records.map((r) => ({
            id: r.id,
            title: r.title,
            domain: r.domain,
            category: r.category,
            formedOn: r.formed_on,
            publishedOn: r.published_on,
            amount: r.amount,
            publisher: publishers.get(r.publisher_code),
            parties: (parties.get(r.id) ?? []).map((p) => ({ role: p.role, name: p.name })),
          })),
        };
      },
    },
    'filtered listing': {
      gongkai: {
        query: `{ disclosures(filter: { domains: [GOVERNMENT_PROCUREMENT], regionCode: "630100", formedFrom: "2024-01-01", formedTo: "2024-12-31" }, first: 50) {
          edges { node { id title formedOn amount publisher { name } region { name } } } } }`,
        variables: {},
        normalise: (data) =>
          data.disclosures.edges.map(({ node: n }) => ({ id: rowId(n.id), title: n.title, formedOn: n.formedOn, amount: n.amount, publisher: n.publisher.name, region: n.region.name })),
      },
      postgraphile: {
        // formedOnFrom/formedOnTo/regionCodeWithin are the three conditions the
        // PostGraphile server adds with graphile-utils (amber's are equality only).
        query: `{ allDisclosures(first: 50, orderBy: [FORMED_ON_DESC, ROW_ID_DESC],
          condition: { domain: GOVERNMENT_PROCUREMENT, regionCodeWithin: "630100", formedOnFrom: "2024-01-01", formedOnTo: "2024-12-31" }) {
          nodes { rowId title formedOn amount departmentByPublisherCode { name } regionByRegionCode { name } } } }`,
        variables: {},
        normalise: (data) =>
          data.allDisclosures.nodes.map((d) => ({ id: d.rowId, title: d.title, formedOn: d.formedOn, amount: d.amount, publisher: d.departmentByPublisherCode.name, region: d.regionByRegionCode.name })),
      },
      async floor(pg) {
        const { rows } = await pg.query(
          `select ${RECORD_SQL}, p.name as publisher_name, r.name as region_name from disclosure d
             join department p on p.code = d.publisher_code join region r on r.code = d.region_code
            where d.domain = 'GOVERNMENT_PROCUREMENT' and d.region_code between '630100' and '630199'
              and d.formed_on between '2024-01-01' and '2024-12-31'
            order by d.formed_on desc, d.id desc limit 50`,
        );
        return rows.map((r) => ({ id: r.id, title: r.title, formedOn: r.formed_on, amount: r.amount, publisher: r.publisher_name, region: r.region_name }));
      },
    },
    'nested page': {
      gongkai: {
        query: `{ subjects(first: 20, filter: { kind: ENTERPRISE }) { edges { node {
          name creditStatus creditEntries { list }
          disclosures(first: 5) { totalCount edges { node { publisher { name } region { name } parties { role subject { name creditStatus } } } } }
        } } } }`,
        variables: {},
        normalise: (data) =>
          data.subjects.edges.map(({ node: s }) => ({
            name: s.name,
            creditStatus: s.creditStatus,
            creditEntries: s.creditEntries.map((e) => e.list),
            totalCount: s.disclosures.totalCount,
            records: s.disclosures.edges.map(({ node: d }) => ({
              publisher: d.publisher.name,
              region: d.region.name,
              parties: d.parties.map((p) => ({ role: p.role, name: p.subject?.name ?? null, creditStatus: p.subject?.creditStatus ?? null })),
            })),
          })),
      },
      postgraphile: {
        query: `{ allSubjects(first: 20, condition: { kind: ENTERPRISE }, orderBy: [CREDIT_CODE_ASC]) { nodes {
          name creditEntriesByCreditCode(orderBy: [DECIDED_ON_ASC, ENTRY_ID_ASC]) { nodes { ${ENTRY} } }
          disclosurePartiesByCreditCode(first: 5, orderBy: [FORMED_ON_DESC, DISCLOSURE_ID_DESC]) { totalCount nodes { disclosureByDisclosureId {
            departmentByPublisherCode { name } regionByRegionCode { name }
            disclosurePartiesByDisclosureId(${PARTIES_ORDER}) { nodes { role subjectByCreditCode {
              name creditEntriesByCreditCode(orderBy: [DECIDED_ON_ASC, ENTRY_ID_ASC]) { nodes { ${ENTRY} } } } } }
          } } }
        } } }`,
        variables: {},
        normalise: (data) =>
          data.allSubjects.nodes.map((s) => ({
            name: s.name,
            creditStatus: standing(s.creditEntriesByCreditCode.nodes),
            creditEntries: s.creditEntriesByCreditCode.nodes.map((e) => e.list),
            totalCount: s.disclosurePartiesByCreditCode.totalCount,
            records: s.disclosurePartiesByCreditCode.nodes.map(({ disclosureByDisclosureId: d }) => ({
              publisher: d.departmentByPublisherCode.name,
              region: d.regionByRegionCode.name,
              parties: d.disclosurePartiesByDisclosureId.nodes.map((p) => ({
                role: p.role,
                name: p.subjectByCreditCode?.name ?? null,
                creditStatus: p.subjectByCreditCode ? standing(p.subjectByCreditCode.creditEntriesByCreditCode.nodes) : null,
              })),
            })),
          })),
      },
      async floor(pg) {
        const { rows: subjects } = await pg.query(`select credit_code, name from subject where kind = 'ENTERPRISE' order by credit_code limit 20`);
        const codes = subjects.map((s) => s.credit_code);
        const [{ rows: records }, { rows: totals }] = await Promise.all([
          pg.query(
            `select x.code as parent, ${RECORD_SQL} from unnest($1::text[]) x(code) cross join lateral (
               select d.* from disclosure d where d.id in (select disclosure_id from disclosure_party where credit_code = x.code)
               order by d.formed_on desc, d.id desc limit 5) d`,
            [codes],
          ),
          pg.query(`select credit_code, count(distinct disclosure_id)::int as n from disclosure_party where credit_code = any($1) group by 1`, [codes]),
        ]);
        const [parties, publishers, regions] = await Promise.all([
          partiesOf(pg, records.map((r) => r.id)),
          namesOf(pg, 'department', records.map((r) => r.publisher_code)),
          namesOf(pg, 'region', records.map((r) => r.region_code)),
        ]);
        const entries = await entriesOf(pg, [...new Set([...codes, ...[...parties.values()].flat().map((p) => p.credit_code)])]);
        return subjects.map((s) => ({
          name: s.name,
          creditStatus: standing(entries.get(s.credit_code)),
          creditEntries: entries.get(s.credit_code).map((e) => e.list),
          totalCount: totals.find((t) => t.credit_code === s.credit_code)?.n ?? 0,
          records: records
            .filter((r) => r.parent === s.credit_code)
            .map((r) => ({
              publisher: publishers.get(r.publisher_code),
              region: regions.get(r.region_code),
              parties: (parties.get(r.id) ?? []).map((p) => ({ role: p.role, name: p.name, creditStatus: p.name == null ? null : standing(entries.get(p.credit_code)) })),
            })),
        }));
      },
    },
    'node by id': {
      gongkai: {
        // Gongkai's id names the concrete type; run.mjs fills it in (see gongkaiNodeId).
        query: `query ($id: ID!) { node(id: $id) { id ... on Disclosure { title domain category amount formedOn publisher { name } region { name } parties { role subject { name creditCode } } } } }`,
        variables: { id: nodeRecord.gongkaiId },
        normalise: ({ node: n }) => ({
          id: rowId(n.id),
          title: n.title,
          domain: n.domain,
          category: n.category,
          amount: n.amount,
          formedOn: n.formedOn,
          publisher: n.publisher.name,
          region: n.region.name,
          parties: n.parties.map((p) => ({ role: p.role, name: p.subject?.name ?? null, creditCode: p.subject?.creditCode ?? null })),
        }),
      },
      postgraphile: {
        query: `query ($id: Int!) { disclosureByRowId(rowId: $id) { rowId title domain category amount formedOn departmentByPublisherCode { name } regionByRegionCode { name }
          disclosurePartiesByDisclosureId(${PARTIES_ORDER}) { nodes { role subjectByCreditCode { name creditCode } } } } }`,
        variables: { id: nodeRecord.id },
        normalise: ({ disclosureByRowId: d }) => ({
          id: d.rowId,
          title: d.title,
          domain: d.domain,
          category: d.category,
          amount: d.amount,
          formedOn: d.formedOn,
          publisher: d.departmentByPublisherCode.name,
          region: d.regionByRegionCode.name,
          parties: d.disclosurePartiesByDisclosureId.nodes.map((p) => ({ role: p.role, name: p.subjectByCreditCode?.name ?? null, creditCode: p.subjectByCreditCode?.creditCode ?? null })),
        }),
      },
      async floor(pg) {
        const { rows: [r] } = await pg.query(
          `select ${RECORD_SQL}, p.name as publisher_name, g.name as region_name from disclosure d
             join department p on p.code = d.publisher_code join region g on g.code = d.region_code where d.id = $1`,
          [nodeRecord.id],
        );
        const parties = await partiesOf(pg, [r.id]);
        return {
          id: r.id,
          title: r.title,
          domain: r.domain,
          category: r.category,
          amount: r.amount,
          formedOn: r.formed_on,
          publisher: r.publisher_name,
          region: r.region_name,
          parties: (parties.get(r.id) ?? []).map((p) => ({ role: p.role, name: p.name, creditCode: p.name == null ? null : p.credit_code })),
        };
      },
    },
  };
}

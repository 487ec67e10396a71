// The five questions of bench/read, each asked two ways: as Gongkai's GraphQL,
// and as plain SQL through pg shaped into the same JSON (the floor).
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

export function globalId(type, key) {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

function standing(entries) {
  let red = false;
  let black = false;
  for (const e of entries) {
    const state = e.revoked_on && e.revoked_on <= today ? 'REVOKED' : e.valid_until && e.valid_until < today ? 'EXPIRED' : e.valid_from > today ? 'PENDING' : 'IN_FORCE';
    if (state !== 'IN_FORCE') continue;
    if (e.list === 'RED') red = true;
    else black = true;
  }
  return red && black ? 'BOTH' : red ? 'RED' : black ? 'BLACK' : 'NONE';
}

// What a reader without a token sees (src/resolvers/access/visibility.ts): not exempt, published by today.
const PUBLIC = `d.exemption = 'NONE' and d.published_on <= '${today}'::date`;

const RECORD_COLUMNS = `d.id, d.domain, d.category, d.title, d.formed_on::text as formed_on, d.published_on::text as published_on, d.amount, d.publisher_code, d.region_code`;

async function parties(pg, ids) {
  if (ids.length === 0) return new Map();
  const { rows } = await pg.query(
    `select p.disclosure_id, p.role, s.name, s.credit_code from disclosure_party p join subject s on s.credit_code = p.credit_code
      where p.disclosure_id = any($1) order by p.disclosure_id, p.role, p.rank nulls last, p.credit_code`,
    [ids],
  );
  const map = new Map();
  for (const r of rows) {
    if (!map.has(r.disclosure_id)) map.set(r.disclosure_id, []);
    map.get(r.disclosure_id).push(r);
  }
  return map;
}

async function names(pg, table, key, codes) {
  const { rows } = await pg.query(`select ${key} as code, name from ${table} where ${key} = any($1)`, [[...new Set(codes)]]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function questions({ busiest, nodeRecord, typeName }) {
  return {
    'enterprise 360': {
      query: `query ($code: CreditCode!) { subject(creditCode: $code) {
        creditCode name creditStatus
        creditEntries { list reason decidedOn validFrom validUntil revokedOn }
        domainCounts { domain role count }
        disclosures(first: 20) { totalCount edges { node { id title domain category formedOn publishedOn amount publisher { name } parties { role subject { name } } } } }
      } }`,
      variables: { code: busiest },
      async floor(pg) {
        const [{ rows: [s] }, { rows: entries }, { rows: counts }, { rows: records }, { rows: [{ n }] }] = await Promise.all([
          pg.query('select credit_code, name from subject where credit_code = $1', [busiest]),
          pg.query(
            `select list, reason, decided_on::text as decided_on, valid_from::text as valid_from, valid_until::text as valid_until, revoked_on::text as revoked_on
               from credit_entry where credit_code = $1 order by decided_on, entry_id`,
            [busiest],
          ),
          pg.query(
            `select d.domain, p.role, count(*)::int as count from disclosure_party p join disclosure d on d.id = p.disclosure_id
              where p.credit_code = $1 and ${PUBLIC} group by 1, 2 order by 1, 2`,
            [busiest],
          ),
          pg.query(
            `select ${RECORD_COLUMNS} from disclosure d where d.id in (select disclosure_id from disclosure_party where credit_code = $1) and ${PUBLIC}
              order by d.formed_on desc, d.id desc limit 20`,
            [busiest],
          ),
          pg.query(`select count(distinct p.disclosure_id)::int as n from disclosure_party p join disclosure d on d.id = p.disclosure_id where p.credit_code = $1 and ${PUBLIC}`, [busiest]),
        ]);
        const partyMap = await parties(pg, records.map((r) => r.id));
        const publishers = await names(pg, 'department', 'code', records.map((r) => r.publisher_code));
        return {
          subject: {
            creditCode: s.credit_code,
            name: s.name,
            creditStatus: standing(entries),
            creditEntries: entries.map((e) => ({ list: e.list, reason: e.reason, decidedOn: e.decided_on, validFrom: e.valid_from, validUntil: e.valid_until, revokedOn: e.revoked_on })),
            domainCounts: counts,
            disclosures: {
              totalCount: n,
              edges: records.map((r) => ({
                node: {
                  id: globalId(typeName(r.domain, r.category), r.id),
                  title: r.title,
                  domain: r.domain,
                  category: r.category,
                  formedOn: r.formed_on,
                  publishedOn: r.published_on,
                  amount: r.amount,
                  publisher: { name: publishers.get(r.publisher_code) },
                  parties: (partyMap.get(r.id) ?? []).map((p) => ({ role: p.role, subject: { name: p.name } })),
                },
              })),
            },
          },
        };
      },
    },
    'filtered listing': {
      query: `{ disclosures(filter: { domains: [GOVERNMENT_PROCUREMENT], regionCode: "630100", formedFrom: "2024-01-01", formedTo: "2024-12-31" }, first: 50) {
        edges { node { id title formedOn amount publisher { name } region { name } } } } }`,
      variables: {},
      async floor(pg) {
        const { rows } = await pg.query(
          `select ${RECORD_COLUMNS}, p.name as publisher_name, r.name as region_name from disclosure d
             join department p on p.code = d.publisher_code join region r on r.code = d.region_code
            where d.domain = 'GOVERNMENT_PROCUREMENT' and d.region_code between '630100' and '630199' and ${PUBLIC}
              and d.formed_on between '2024-01-01' and '2024-12-31'
            order by d.formed_on desc, d.id desc limit 50`,
        );
        return {
          disclosures: {
            edges: rows.map((r) => ({
              node: { id: globalId(typeName(r.domain, r.category), r.id), title: r.title, formedOn: r.formed_on, amount: r.amount, publisher: { name: r.publisher_name }, region: { name: r.region_name } },
            })),
          },
        };
      },
    },
    'Chinese text search': {
      query: `{ disclosures(filter: { text: "锂矿" }, first: 20) { totalCount edges { node { id title } } } }`,
      variables: {},
      async floor(pg) {
        const [{ rows }, { rows: [{ n }] }] = await Promise.all([
          // The floor reads the same bigram rows a hand-written query would (disclosure_title_gram:
          // index-only, ids in formed order, then those records), and counts them there too.
          pg.query(
            `select d.id, d.domain, d.category, d.title from disclosure d where d.id = any(array(
               select g.disclosure_id from disclosure_title_gram g where g.gram = '锂矿' and g.public_from <= '${today}'::date
                order by g.formed_on desc, g.disclosure_id desc limit 20)) order by d.formed_on desc, d.id desc`,
          ),
          pg.query(`select count(*)::int as n from disclosure_title_gram g where g.gram = '锂矿' and g.public_from <= '${today}'::date`),
        ]);
        return { disclosures: { totalCount: n, edges: rows.map((r) => ({ node: { id: globalId(typeName(r.domain, r.category), r.id), title: r.title } })) } };
      },
    },
    'nested page': {
      query: `{ subjects(first: 20, filter: { kind: ENTERPRISE }) { edges { node {
        name creditStatus creditEntries { list } domainCounts { domain count }
        disclosures(first: 5) { totalCount edges { node {
          publisher { name } region { name } parties { role subject { name creditStatus } }
          ... on ProcurementResult { winningSupplier { name } }
        } } }
      } } } }`,
      variables: {},
      async floor(pg) {
        const { rows: subjects } = await pg.query(`select credit_code, name from subject where kind = 'ENTERPRISE' order by credit_code limit 20`);
        const codes = subjects.map((s) => s.credit_code);
        const [{ rows: counts }, { rows: records }, { rows: totals }] = await Promise.all([
          pg.query(
            `select p.credit_code, d.domain, p.role, count(*)::int as count from disclosure_party p join disclosure d on d.id = p.disclosure_id
              where p.credit_code = any($1) and ${PUBLIC} group by 1, 2, 3 order by 1, 2, 3`,
            [codes],
          ),
          pg.query(
            `select x.code as parent, ${RECORD_COLUMNS} from unnest($1::text[]) x(code) cross join lateral (
               select d.* from disclosure d where d.id in (select disclosure_id from disclosure_party where credit_code = x.code) and ${PUBLIC}
               order by d.formed_on desc, d.id desc limit 5) d`,
            [codes],
          ),
          pg.query(
            `select p.credit_code, count(distinct p.disclosure_id)::int as n from disclosure_party p join disclosure d on d.id = p.disclosure_id where p.credit_code = any($1) and ${PUBLIC} group by 1`,
            [codes],
          ),
        ]);
        const partyMap = await parties(pg, records.map((r) => r.id));
        const allCodes = [...new Set([...codes, ...[...partyMap.values()].flat().map((p) => p.credit_code)])];
        const { rows: entries } = await pg.query(
          `select credit_code, list, valid_from::text as valid_from, valid_until::text as valid_until, revoked_on::text as revoked_on
             from credit_entry where credit_code = any($1) order by decided_on, entry_id`,
          [allCodes],
        );
        const entriesOf = (code) => entries.filter((e) => e.credit_code === code);
        const publishers = await names(pg, 'department', 'code', records.map((r) => r.publisher_code));
        const regions = await names(pg, 'region', 'code', records.map((r) => r.region_code));
        return {
          subjects: {
            edges: subjects.map((s) => ({
              node: {
                name: s.name,
                creditStatus: standing(entriesOf(s.credit_code)),
                creditEntries: entriesOf(s.credit_code).map((e) => ({ list: e.list })),
                domainCounts: counts.filter((c) => c.credit_code === s.credit_code).map((c) => ({ domain: c.domain, count: c.count })),
                disclosures: {
                  totalCount: totals.find((t) => t.credit_code === s.credit_code)?.n ?? 0,
                  edges: records
                    .filter((r) => r.parent === s.credit_code)
                    .map((r) => {
                      const ps = partyMap.get(r.id) ?? [];
                      const node = {
                        publisher: { name: publishers.get(r.publisher_code) },
                        region: { name: regions.get(r.region_code) },
                        parties: ps.map((p) => ({ role: p.role, subject: { name: p.name, creditStatus: standing(entriesOf(p.credit_code)) } })),
                      };
                      if (r.domain === 'GOVERNMENT_PROCUREMENT' && r.category === 'RESULT') {
                        const winner = ps.find((p) => p.role === 'WINNER');
                        node.winningSupplier = winner ? { name: winner.name } : null;
                      }
                      return { node };
                    }),
                },
              },
            })),
          },
        };
      },
    },
    'node by id': {
      query: `query ($id: ID!) { node(id: $id) { id ... on Disclosure { title domain category amount formedOn publisher { name } region { name } parties { role subject { name creditCode } } } } }`,
      variables: { id: globalId(typeName(nodeRecord.domain, nodeRecord.category), nodeRecord.id) },
      async floor(pg) {
        const { rows: [r] } = await pg.query(
          `select ${RECORD_COLUMNS}, p.name as publisher_name, g.name as region_name from disclosure d
             join department p on p.code = d.publisher_code join region g on g.code = d.region_code where d.id = $1`,
          [nodeRecord.id],
        );
        const partyMap = await parties(pg, [r.id]);
        return {
          node: {
            id: globalId(typeName(r.domain, r.category), r.id),
            title: r.title,
            domain: r.domain,
            category: r.category,
            amount: r.amount,
            formedOn: r.formed_on,
            publisher: { name: r.publisher_name },
            region: { name: r.region_name },
            parties: (partyMap.get(r.id) ?? []).map((p) => ({ role: p.role, subject: { name: p.name, creditCode: p.credit_code } })),
          },
        };
      },
    },
  };
}

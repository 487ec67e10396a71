// urql (@urql/core 6) against Gongkai: the core client and its document cache.
// Quoted by docs/clients.md and run by tests/client-guide.test.ts.
import { Client, cacheExchange, fetchExchange, gql, type OperationResult, type TypedDocumentNode } from '@urql/core';

// #region client
export function createUrqlClient(url: string): Client {
  return new Client({
    url,
    // The document cache keeps each answer whole, by query and variables, and drops
    // the answers naming a __typename a mutation returns: fragments on interfaces
    // need no possibleTypes here, since nothing is normalised.
    exchanges: [cacheExchange, fetchExchange],
    // Show what is cached at once, and ask the server every time for what is new.
    requestPolicy: 'cache-and-network',
  });
}
// #endregion client

// #region query
export interface SubjectRecordsData {
  subject: {
    name: string;
    creditStatus: string;
    disclosures: {
      totalCount: number;
      edges: { cursor: string; node: { __typename: string; id: string; title: string; domain: string; projectName?: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

/** Every record naming one subject, in every domain, a page at a time. */
export const SUBJECT_RECORDS: TypedDocumentNode<SubjectRecordsData, { creditCode: string; first: number; after?: string | null }> = gql`
  query SubjectRecords($creditCode: CreditCode!, $first: Int!, $after: String) {
    subject(creditCode: $creditCode) {
      name
      creditStatus
      disclosures(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            __typename
            id
            ... on Disclosure { title domain }
            ... on ProcurementResult { projectName }
          }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

/** Pages are separate answers in a document cache: the caller appends them. */
export async function allRecordIds(client: Client, creditCode: string, pageSize: number, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  while (ids.length < limit) {
    const result: OperationResult<SubjectRecordsData> = await client.query(SUBJECT_RECORDS, { creditCode, first: pageSize, after }).toPromise();
    if (result.error) throw result.error;
    const page = result.data?.subject?.disclosures;
    if (!page) break;
    ids.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return ids.slice(0, limit);
}
// #endregion query

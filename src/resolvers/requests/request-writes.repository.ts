import type { EntityManager } from '@mikro-orm/postgresql';
import { runOne } from '../../kernel/sql/run.js';
import { sql } from '../../kernel/sql/sql.js';

/** A request for disclosure as the audit trail keeps it (the fields the mutations read are typed). */
export interface StoredRequest {
  requestId: number;
  receivedOn: string;
  departmentCode: string;
  deadline: string;
  extendedOn: string | null;
  answeredOn: string | null;
  outcome: string | null;
}

/** A request to register: what was received, and its answer deadline. */
export interface NewRequest {
  receivedOn: string;
  requesterKind: string;
  content: string;
  departmentCode: string;
  domain: string | null;
  deadline: string;
  deadlineProvisional: boolean;
}

const COLUMNS = sql.raw(`request_id as "requestId", received_on::text as "receivedOn", requester_kind as "requesterKind", content,
  department_code as "departmentCode", domain, deadline::text as deadline, deadline_provisional as "deadlineProvisional",
  extended_on::text as "extendedOn", extended_deadline::text as "extendedDeadline", extended_deadline_provisional as "extendedDeadlineProvisional",
  extension_reason as "extensionReason", answered_on::text as "answeredOn", outcome`);

export async function insertRequest(tx: EntityManager, r: NewRequest): Promise<StoredRequest> {
  const row = await runOne<StoredRequest>(
    tx,
    sql`insert into disclosure_request (received_on, requester_kind, content, department_code, domain, deadline, deadline_provisional)
        values (${r.receivedOn}::date, ${r.requesterKind}, ${r.content}, ${r.departmentCode}, ${r.domain}, ${r.deadline}::date, ${r.deadlineProvisional})
        returning ${COLUMNS}`,
  );
  return row!;
}

/** A request by id, locked for the transaction. */
export async function lockRequestRow(tx: EntityManager, requestId: number): Promise<StoredRequest | undefined> {
  return runOne<StoredRequest>(tx, sql`select ${COLUMNS} from disclosure_request where request_id = ${requestId} for update`);
}

/** Records the one extension of a request's limit; the request as it now is. */
export async function markExtended(
  tx: EntityManager,
  requestId: number,
  extension: { extendedOn: string; deadline: string; provisional: boolean; reason: string },
): Promise<StoredRequest | undefined> {
  return runOne<StoredRequest>(
    tx,
    sql`update disclosure_request set extended_on = ${extension.extendedOn}::date, extended_deadline = ${extension.deadline}::date,
               extended_deadline_provisional = ${extension.provisional}, extension_reason = ${extension.reason}
         where request_id = ${requestId} returning ${COLUMNS}`,
  );
}

/** Records the answer to a request; the request as it now is. */
export async function markAnswered(tx: EntityManager, requestId: number, answeredOn: string, outcome: string): Promise<StoredRequest | undefined> {
  return runOne<StoredRequest>(
    tx,
    sql`update disclosure_request set answered_on = ${answeredOn}::date, outcome = ${outcome} where request_id = ${requestId} returning ${COLUMNS}`,
  );
}

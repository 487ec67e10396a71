/**
 * The contract of the write path for records (公开、变更、撤回): the shapes that
 * validation (validate.ts, validation-context.ts) and the bulk write (write.ts)
 * take and give. Types only: the files that implement them import these from
 * here, never from index.ts, which re-exports them all (an import of index.ts
 * from a file it re-exports would be a cycle).
 */
import type { GraphQLInputObjectType } from 'graphql';
import type { Viewer } from '../../../kernel/viewer.js';
import type { Domain } from '../../../entities/core/domain.js';
import type { Channel, Exemption, PartyRole } from '../../../entities/hub/enums.js';

/** One problem with an input, at a path like `input.details.procurementResult.awardAmount` (import: relative to the row). */
export interface Issue {
  path: string;
  code: string;
  message: string;
}

interface PartyInput {
  role: PartyRole;
  creditCode: string;
  rank?: number | null;
}

interface PublicationInput {
  channel: Channel;
  publishedOn: string;
  url?: string | null;
}

/** A validated record: PublishDisclosureInput after coercion, with `details` the category's own fields (no wrapper). */
export interface RecordInput {
  externalId?: string | null;
  domain: Domain;
  category: string;
  title: string;
  regionCode: string;
  /** 信息形成日期; for a revision, the change date (变更日期), which restarts the clock. */
  formedOn: string;
  publishedOn?: string | null;
  amount?: string | null;
  projectCode?: string | null;
  exemption: Exemption;
  exemptionBasis?: string | null;
  parties: PartyInput[];
  publications: PublicationInput[];
  /** The category's details, as the details entity holds them (JSON values as plain objects). */
  details: Record<string, unknown>;
}

/**
 * What validation needs, loaded once for any number of records
 * (`loadValidationContext`): regions, the viewer's publishing rights and the
 * credit codes that exist among those the records name.
 */
export interface ValidationContext {
  viewer: Viewer;
  /** Every region code. */
  regions: ReadonlySet<string>;
  /** The viewer's department's domains (lead or responsible) and jurisdiction; null unless PUBLISHER. */
  publisher: { departmentCode: string; domains: ReadonlySet<string>; jurisdiction: readonly [string, string] } | null;
  /** Of the credit codes the records name, those of existing subjects. */
  knownCreditCodes: ReadonlySet<string>;
  /** PublishDisclosureInput (record-input-schema.ts), which raw input is coerced against (GraphQL variables and import rows alike). */
  inputType: GraphQLInputObjectType;
}

export interface WriteResult {
  created: number;
  revised: number;
  unchanged: number;
  /** The hub id of each record, in input order. */
  ids: number[];
}

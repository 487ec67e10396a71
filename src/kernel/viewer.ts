import { registerEnumType } from 'type-graphql';

/**
 * Who is asking. Access is by API token (Authorization: Bearer); no token is
 * PUBLIC. The plan's rule "谁批准、谁公开，谁实施、谁公开，谁制作、谁公开" makes a
 * publisher a department: a PUBLISHER token is bound to one.
 */
export enum Role {
  /** No token: published, non-exempt data only. */
  PUBLIC = 'PUBLIC',
  /** A department's token: writes its own records, reads its own non-public data. */
  PUBLISHER = 'PUBLISHER',
  /** The provincial open-government office (政务公开办): reads everything, compliance detail included. */
  SUPERVISOR = 'SUPERVISOR',
  /** Tokens, calendar, catalogue and departments. */
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: '访问角色',
  valuesConfig: {
    PUBLIC: { description: '公众（无令牌）: 仅已公开、非免予公开的信息' },
    PUBLISHER: { description: '公开主体（绑定一个部门）' },
    SUPERVISOR: { description: '政务公开监督（省政府办公厅）' },
    ADMIN: { description: '系统管理' },
  },
});

export interface Viewer {
  role: Role;
  /** The token's id (audit: who); null for PUBLIC and for the CLI acting as the operator. */
  tokenId: number | null;
  /** A PUBLISHER's department; null for every other role. */
  departmentCode: string | null;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({ role: Role.PUBLIC, tokenId: null, departmentCode: null });

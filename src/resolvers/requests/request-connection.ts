import { DisclosureRequest } from '../../entities/requests/disclosure-request.entity.js';
import { ConnectionType } from '../../kernel/connection.js';

export const DisclosureRequestConnection = ConnectionType(
  () => DisclosureRequest,
  'DisclosureRequest',
  '公开申请列表 (a page of requests for disclosure, newest receipt first, keyset-paginated)',
);

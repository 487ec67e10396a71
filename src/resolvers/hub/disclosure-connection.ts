import { Disclosure } from '../../entities/hub/disclosure.entity.js';
import { ConnectionType } from '../../kernel/connection.js';

export const DisclosureConnection = ConnectionType(() => Disclosure, 'Disclosure', '信息列表 (a page of disclosures, keyset-paginated)');

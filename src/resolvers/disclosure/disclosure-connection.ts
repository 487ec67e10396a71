import { Disclosure } from '../../entities/disclosure/disclosure.entity.js';
import { ConnectionType } from '../../schema/connection.js';

export const DisclosureConnection = ConnectionType(() => Disclosure, 'Disclosure', '信息列表 (a page of disclosures, keyset-paginated)');

import { DisclosureRequest } from '../../entities/requests/disclosure-request.entity.js';
import { byKeyLoader } from '../../kernel/loaders/loaders.js';

export const requestById = byKeyLoader(DisclosureRequest, (r) => String(r.requestId));

import { DisclosureRequest } from './disclosure-request.entity.js';

/** Requests for disclosure (依申请公开). */
export const requestEntities = [DisclosureRequest];

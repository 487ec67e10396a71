import { ApiToken } from './api-token.entity.js';

/** 访问令牌: the tokens departments and supervisors authenticate with. */
export const accessEntities = [ApiToken];

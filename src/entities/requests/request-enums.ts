import { registerEnumType } from 'type-graphql';

/**
 * Who asked (政府信息公开条例 第二十七条: 公民、法人或者其他组织). Only the kind is
 * kept: a request's personal details are the requester's privacy and have no
 * place in a public graph.
 */
export enum RequesterKind {
  NATURAL_PERSON = 'NATURAL_PERSON',
  LEGAL_PERSON = 'LEGAL_PERSON',
  OTHER_ORGANIZATION = 'OTHER_ORGANIZATION',
}

registerEnumType(RequesterKind, {
  name: 'RequesterKind',
  description: '申请人类别 (no personal identity of the requester is stored)',
  valuesConfig: {
    NATURAL_PERSON: { description: '公民' },
    LEGAL_PERSON: { description: '法人' },
    OTHER_ORGANIZATION: { description: '其他组织' },
  },
});

/** How a request was answered: the kinds of answer 政府信息公开条例 第三十六条 to 第三十九条 allow, and withdrawal. */
export enum RequestOutcome {
  ALREADY_PUBLIC = 'ALREADY_PUBLIC',
  DISCLOSED = 'DISCLOSED',
  PARTLY_DISCLOSED = 'PARTLY_DISCLOSED',
  EXEMPT = 'EXEMPT',
  NOT_HELD = 'NOT_HELD',
  NOT_THIS_BODY = 'NOT_THIS_BODY',
  REPEAT_REQUEST = 'REPEAT_REQUEST',
  OTHER_STATUTORY_ROUTE = 'OTHER_STATUTORY_ROUTE',
  NEEDS_PROCESSING = 'NEEDS_PROCESSING',
  NOT_A_REQUEST = 'NOT_A_REQUEST',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(RequestOutcome, {
  name: 'RequestOutcome',
  description: '答复结果 (政府信息公开条例 第三十六条至第三十九条)',
  valuesConfig: {
    ALREADY_PUBLIC: { description: '已主动公开，告知获取方式和途径（第三十六条第一项）' },
    DISCLOSED: { description: '予以公开（第三十六条第二项）' },
    PARTLY_DISCLOSED: { description: '部分公开（第三十七条）' },
    EXEMPT: { description: '不予公开，告知理由（第三十六条第三项）' },
    NOT_HELD: { description: '信息不存在，告知经检索没有（第三十六条第四项）' },
    NOT_THIS_BODY: { description: '非本机关负责公开，告知负责公开的机关（第三十六条第五项）' },
    REPEAT_REQUEST: { description: '重复申请，不予重复处理（第三十六条第六项）' },
    OTHER_STATUTORY_ROUTE: { description: '工商、不动产登记资料等，告知依有关法律、行政法规办理（第三十六条第七项）' },
    NEEDS_PROCESSING: { description: '需加工、分析，可不予提供（第三十八条）' },
    NOT_A_REQUEST: { description: '不属于政府信息公开申请（信访、投诉、举报等，第三十九条）' },
    WITHDRAWN: { description: '申请人撤回' },
  },
});

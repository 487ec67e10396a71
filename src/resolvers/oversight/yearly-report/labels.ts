import type { Domain } from '../../../entities/core/domain.js';
import { DOMAIN_MANIFESTS } from '../../../entities/departments/manifests.js';
import { Channel } from '../../../entities/hub/enums.js';

/** The plan's own words for each domain, as a published report names them: each department's manifest's. */
export const DOMAIN_NAMES = Object.fromEntries(DOMAIN_MANIFESTS.map((m) => [m.domain, m.zh])) as Record<Domain, string>;

/** 公开渠道, government website first, as the plan lists them. */
export const CHANNEL_NAMES: Record<Channel, string> = {
  [Channel.GOVERNMENT_WEBSITE]: '政府网站',
  [Channel.PRESS_CONFERENCE]: '新闻发布会',
  [Channel.WEIBO]: '政务微博',
  [Channel.WECHAT]: '政务微信',
  [Channel.CLIENT_APP]: '政务客户端',
  [Channel.RADIO]: '广播',
  [Channel.TV]: '电视',
  [Channel.NEWSPAPER]: '报纸',
  [Channel.BULLETIN_BOARD]: '公示栏',
  [Channel.SERVICE_HALL]: '办事大厅、便民服务窗口',
  [Channel.TRADING_PLATFORM]: '公共资源交易平台',
  [Channel.CREDIT_CHINA_QINGHAI]: '信用中国（青海）',
  [Channel.MOBILE]: '移动端',
  [Channel.SELF_SERVICE_TERMINAL]: '自助终端',
  [Channel.HOTLINE]: '热线电话',
};

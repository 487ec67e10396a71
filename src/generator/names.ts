import type { Rng } from './rng.js';

/** Word lists for names that read like Qinghai's real registers. */

const TRADE_FIRST = '鑫宏华恒瑞盛天海德聚安新通利锦兴中圣元国博润汇益福金正诚嘉富永明康泰源达丰信和昌隆晟祥宇辉腾凯联众'.split('');
const TRADE_SECOND = '泰源达丰信和昌隆晟祥宇辉腾凯诚盛华通远鼎峰祺川澜原宁安嘉业邦茂'.split('');
const LANDMARKS = ['三江源', '昆仑', '祁连山', '柴达木', '青海湖', '河湟', '湟水', '江河源', '高原', '雪域', '日月山', '可可西里', '黄河', '夏都', '金银滩'];

export const INDUSTRIES = {
  builder: ['建设工程', '建筑工程', '路桥建设', '水利水电工程', '市政工程', '建筑安装工程', '园林绿化工程', '建筑装饰工程', '公路工程'],
  supplier: ['商贸', '科技', '医疗器械', '信息技术', '办公设备', '电子科技', '教育装备', '物业服务', '环境工程', '汽车销售', '网络科技', '安防科技'],
  agency: ['招标代理', '工程咨询', '项目管理咨询', '招标咨询', '工程造价咨询'],
  miner: ['矿业', '锂业', '钾肥', '盐化', '有色金属', '黄金矿业', '煤业', '地质矿产勘查'],
  pharma: ['医药', '药业', '生物制药', '医药物流', '藏药', '生物科技'],
  emitter: ['化工', '盐湖化工', '水泥', '电力', '冶金', '热电', '铝业', '纺织', '乳业'],
  developer: ['房地产开发', '置业', '城市建设投资', '城投建设', '棚户区改造建设'],
  stateOwned: ['国有资产投资管理', '投资控股', '国有资本运营', '发展投资', '产业投资'],
} as const;

export type Industry = keyof typeof INDUSTRIES;

const SUFFIXES: readonly (readonly [string, number])[] = [
  ['有限公司', 60],
  ['有限责任公司', 25],
  ['股份有限公司', 10],
  ['集团有限公司', 5],
];

/** Xining's four urban districts: companies there carry the city's name, not the district's. */
const XINING_URBAN = new Set(['城东区', '城中区', '城西区', '城北区']);

/** 青海 / 西宁 / 格尔木 …: the place word a company name starts with. */
export function placeWord(regionName: string, provinceLevel: boolean): string {
  if (provinceLevel) return '青海';
  if (XINING_URBAN.has(regionName)) return '西宁';
  return regionName
    .replace(/(蒙古族藏族自治州|藏族自治州|土族自治县|回族土族自治县|回族自治县|撒拉族自治县|蒙古族自治县|藏族自治县|行政委员会)$/, '')
    .replace(/(市|县|区|州)$/, '');
}

export function enterpriseName(rng: Rng, place: string, industry: Industry): string {
  const trade = rng.chance(0.15) ? rng.pick(LANDMARKS) : rng.pick(TRADE_FIRST) + rng.pick(TRADE_SECOND);
  return `${place}${trade}${rng.pick(INDUSTRIES[industry])}${rng.weighted(SUFFIXES)}`;
}

const INSTITUTIONS = ['第一人民医院', '人民医院', '中医院', '妇幼保健院', '第一中学', '第二中学', '实验小学', '职业技术学校', '疾病预防控制中心', '广播电视台', '图书馆'];
const ORGANS = ['教育局', '卫生健康局', '交通运输局', '水利局', '农业农村局', '自然资源局', '住房和城乡建设局', '公安局', '财政局', '人民政府办公室', '生态环境局', '市场监督管理局'];

export function institutionName(rng: Rng, regionName: string): string {
  return `${regionName}${rng.pick(INSTITUTIONS)}`;
}

/** Provincial organs have their own names (厅, 委员会), not a county bureau's. */
const PROVINCIAL_ORGANS = ['卫生健康委员会', '教育厅', '交通运输厅', '水利厅', '农业农村厅', '自然资源厅', '住房和城乡建设厅', '公安厅', '财政厅', '生态环境厅', '市场监督管理局', '人民政府办公厅'];

export function organName(rng: Rng, regionName: string): string {
  return regionName === '青海省' ? `青海省${rng.pick(PROVINCIAL_ORGANS)}` : `${regionName}${rng.pick(ORGANS)}`;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗韩祁冶鲁汪童'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红海燕'.split('');
const TIBETAN = ['扎西', '卓玛', '才让', '多杰', '拉毛', '索南', '旦增', '尼玛', '更登', '央金'];

export function personName(rng: Rng): string {
  if (rng.chance(0.15)) return rng.pick(TIBETAN) + (rng.chance(0.5) ? rng.pick(TIBETAN) : '');
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');
}

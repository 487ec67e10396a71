import { addDays } from '../../../../kernel/time/calendar-dates.js';
import { PartyRole } from '../../../hub/published.js';
import type { CategoryGenerator } from '../../../../generator/category-generator.js';
import { Rng } from '../../../../generator/rng.js';
import type { GeneratedSubject } from '../../../../generator/subjects.js';
import { yuan } from './dates.js';
import { fullArea, levelOf, PROVINCE } from './places.js';
import { BUILDER_FIT } from './sectors.js';
import { SEATS, TOWN_STREETS, XINING_CITY, XINING_STREETS } from './words.js';

/** What a builder's record says of it; fixed per enterprise, so every record about it agrees. */
function bidderProfile(subject: GeneratedSubject, formedOn: string) {
  const rng = new Rng(`bidder-profile:${subject.creditCode}`);
  const newlyRegistered = subject.creditCode.slice(8, 10) === 'MA';
  const established = newlyRegistered
    ? addDays('2015-10-01', rng.int(0, 800))
    : addDays(`${rng.int(1985, 2014)}-01-01`, rng.int(0, 364));
  const code = subject.regionCode ?? PROVINCE;
  const level = levelOf(code);
  const inXining = level === 'PROVINCE' || XINING_CITY.includes(code);
  const place =
    level === 'PROVINCE'
      ? `青海省西宁市${rng.pick(['城东区', '城中区', '城西区', '城北区'])}`
      : level === 'PREFECTURE'
        ? `${fullArea(code)}${SEATS[code] ?? ''}`
        : fullArea(code);
  const address = `${place}${rng.pick(inXining ? XINING_STREETS : TOWN_STREETS)}${rng.int(1, 260)}号${inXining && rng.chance(0.3) ? `${rng.int(2, 25)}楼` : ''}`;
  const main: keyof typeof BUILDER_FIT = /路桥|公路/.test(subject.name)
    ? '公路工程'
    : /水利水电/.test(subject.name)
      ? '水利水电工程'
      : /市政|园林绿化/.test(subject.name)
        ? '市政公用工程'
        : '建筑工程';
  const extras: Record<string, readonly string[]> = {
    建筑工程: ['市政公用工程施工总承包', '机电工程施工总承包', '地基基础工程专业承包', '钢结构工程专业承包', '建筑装修装饰工程专业承包'],
    市政公用工程: ['建筑工程施工总承包', '城市及道路照明工程专业承包', '环保工程专业承包', '公路工程施工总承包'],
    公路工程: ['公路路基工程专业承包', '公路路面工程专业承包', '桥梁工程专业承包', '公路交通工程专业承包', '市政公用工程施工总承包'],
    水利水电工程: ['河湖整治工程专业承包', '水工金属结构制作与安装工程专业承包', '市政公用工程施工总承包', '建筑工程施工总承包'],
  };
  const decorator = /建筑装饰/.test(subject.name);
  const mainName = decorator ? '建筑装修装饰工程专业承包' : `${main}施工总承包`;
  const mainGrade = decorator
    ? rng.pick(['一级', '二级'])
    : rng.weighted([['特级', 2], ['一级', 25], ['二级', 45], ['三级', 28]] as const);
  const certs: { name: string; grade: string }[] = [{ name: mainName, grade: mainGrade }];
  for (const extra of rng.sample(extras[main]!, rng.weighted([[0, 35], [1, 40], [2, 25]] as const))) {
    certs.push({ name: extra, grade: extra.includes('专业承包') ? rng.pick(['一级', '二级']) : rng.pick(['二级', '三级']) });
  }
  // One certificate per issuing authority: 住房城乡建设部 (特级、一级), the province (二级), the city (三级).
  const numbers = new Map<string, string>();
  const cycleStart = rng.int(2013, 2017);
  const anniversary = addDays(`${cycleStart}-01-01`, rng.int(0, 364));
  let validUntil = anniversary;
  while (validUntil <= formedOn) validUntil = `${Number(validUntil.slice(0, 4)) + 5}${validUntil.slice(4)}`;
  if (validUntil.endsWith('02-29')) validUntil = `${validUntil.slice(0, 5)}02-28`;
  const qualifications = certs.map((c) => {
    const issuer = c.grade === '特级' || c.grade === '一级' ? '1' : c.grade === '二级' ? '2' : '3';
    if (!numbers.has(issuer)) numbers.set(issuer, `D${issuer}63${rng.digits(6)}`);
    return { name: c.name, grade: c.grade, certificateNo: numbers.get(issuer)!, validUntil };
  });
  const capitalTop = mainGrade === '特级' ? 1e9 : mainGrade === '一级' ? 3e8 : mainGrade === '二级' ? 1e8 : 3e7;
  return {
    basics: {
      registeredCapital: yuan(Math.round(rng.logUniform(capitalTop / 20, capitalTop) / 1e6) * 1e6),
      establishedOn: established,
      registeredAddress: address,
      qualifications,
    },
    creditLevel: subject.creditLevel ?? rng.weighted([['A', 5], ['AA', 3], ['B', 2]] as const),
    performanceCapacity: subject.performanceCapacity ?? rng.pick(['良好', '较好', '一般']),
    personnelReputation: subject.personnelReputation ?? rng.pick(['良好', '无不良记录', '较好']),
  };
}

/** 市场主体信用信息: a builder's basics and the credit standing the regulator states. */
export const marketCredit: CategoryGenerator = (f) => {
  const bidder = f.subjects.draw(f.rng, 'builder');
  const profile = bidderProfile(bidder, f.formedOn);
  return {
    title: `${bidder.name}市场主体信用信息`,
    amount: null,
    projectCode: null,
    details: {
      bidderBasics: { legalRepresentative: bidder.legalRepresentative, ...profile.basics },
      creditLevel: profile.creditLevel,
      performanceCapacity: profile.performanceCapacity,
      personnelReputation: profile.personnelReputation,
    },
    parties: [{ role: PartyRole.BIDDER, subject: bidder }],
  };
};

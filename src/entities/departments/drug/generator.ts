import { addDays } from '../../../kernel/time/calendar-dates.js';
import { PartyRole } from '../../hub/published.js';
import { DrugProcurementMethod, DrugType } from './drug-enums.js';
import type { Rng } from '../../../generator/rng.js';
import { SubjectKind } from '../../hub/published.js';
import type { GeneratedSubject, SubjectRegistry } from '../../../generator/subjects.js';
import type { CategoryGenerator, RecordFrame } from '../../../generator/category-generator.js';

/**
 * A product as the catalogues list it: 通用名, 规格 (the strength or dose),
 * 规格包装 (strength × pack, the unit a price is quoted for), the unit that
 * pack is counted in, and the range of 中标价 (yuan per pack).
 */
interface Product {
  name: string;
  type: DrugType;
  spec: string;
  pack: string;
  unit: string;
  price: readonly [number, number];
  /** 国家免疫规划疫苗 (bought by the CDC under the national programme). */
  programme?: boolean;
}

function p(name: string, type: DrugType, spec: string, pack: string, unit: string, price: readonly [number, number], programme = false): Product {
  return { name, type, spec, pack, unit, price, programme };
}

const C = DrugType.CHEMICAL;
const TCM = DrugType.CHINESE_PATENT;
const BIO = DrugType.BIOLOGICAL;
const VAC = DrugType.VACCINE;

const PRODUCTS: readonly Product[] = [
  // 化学药品
  p('阿莫西林胶囊', C, '0.25g', '0.25g×24粒/盒', '盒', [2.5, 12]),
  p('头孢呋辛酯片', C, '0.25g', '0.25g×12片/盒', '盒', [6, 28]),
  p('注射用头孢曲松钠', C, '1.0g', '1.0g/瓶，10瓶/盒', '瓶', [0.9, 12]),
  p('注射用头孢他啶', C, '1.0g', '1.0g/瓶，10瓶/盒', '瓶', [2.5, 18]),
  p('左氧氟沙星片', C, '0.5g', '0.5g×4片/盒', '盒', [1.5, 15]),
  p('阿奇霉素片', C, '0.25g', '0.25g×6片/盒', '盒', [3, 18]),
  p('盐酸二甲双胍片', C, '0.5g', '0.5g×20片/盒', '盒', [1.2, 9]),
  p('格列美脲片', C, '2mg', '2mg×30片/盒', '盒', [3, 25]),
  p('阿卡波糖片', C, '50mg', '50mg×30片/盒', '盒', [5, 40]),
  p('苯磺酸氨氯地平片', C, '5mg', '5mg×28片/盒', '盒', [1.5, 30]),
  p('硝苯地平控释片', C, '30mg', '30mg×7片/盒', '盒', [8, 35]),
  p('厄贝沙坦片', C, '0.15g', '0.15g×7片/盒', '盒', [1.5, 25]),
  p('缬沙坦胶囊', C, '80mg', '80mg×7粒/盒', '盒', [1.5, 25]),
  p('阿托伐他汀钙片', C, '20mg', '20mg×7片/盒', '盒', [1.2, 45]),
  p('瑞舒伐他汀钙片', C, '10mg', '10mg×28片/盒', '盒', [4, 60]),
  p('硫酸氢氯吡格雷片', C, '75mg', '75mg×7片/盒', '盒', [3, 110]),
  p('替格瑞洛片', C, '90mg', '90mg×14片/盒', '盒', [12, 90]),
  p('阿司匹林肠溶片', C, '100mg', '100mg×30片/盒', '盒', [1.5, 16]),
  p('奥美拉唑肠溶胶囊', C, '20mg', '20mg×14粒/盒', '盒', [2, 20]),
  p('注射用奥美拉唑钠', C, '40mg', '40mg/瓶', '瓶', [3, 30]),
  p('雷贝拉唑钠肠溶片', C, '10mg', '10mg×14片/盒', '盒', [5, 50]),
  p('恩替卡韦分散片', C, '0.5mg', '0.5mg×7片/盒', '盒', [1.5, 35]),
  p('孟鲁司特钠片', C, '10mg', '10mg×5片/盒', '盒', [4, 30]),
  p('布洛芬缓释胶囊', C, '0.3g', '0.3g×20粒/盒', '盒', [3, 18]),
  p('甲钴胺片', C, '0.5mg', '0.5mg×20片/盒', '盒', [4, 30]),
  p('蒙脱石散', C, '3g', '3g×10袋/盒', '盒', [4, 20]),
  p('氯化钠注射液', C, '0.9%：250ml', '250ml/袋', '袋', [2.2, 6]),
  p('葡萄糖注射液', C, '5%：500ml', '500ml/瓶', '瓶', [2.5, 7]),
  p('盐酸氨溴索注射液', C, '2ml：15mg', '2ml：15mg/支，10支/盒', '支', [0.8, 8]),
  p('地塞米松磷酸钠注射液', C, '1ml：5mg', '1ml：5mg/支，10支/盒', '支', [0.3, 2]),
  p('注射用青霉素钠', C, '80万单位', '80万单位/瓶，50瓶/盒', '瓶', [0.3, 1.5]),
  p('吉非替尼片', C, '0.25g', '0.25g×10片/盒', '盒', [50, 550]),
  p('甲磺酸伊马替尼片', C, '0.1g', '0.1g×60片/盒', '盒', [180, 1600]),
  // 中成药（含藏药）
  p('复方丹参滴丸', TCM, '27mg', '27mg×180丸/瓶', '瓶', [25, 45]),
  p('连花清瘟胶囊', TCM, '0.35g', '0.35g×24粒/盒', '盒', [12, 30]),
  p('藿香正气水', TCM, '10ml', '10ml×10支/盒', '盒', [6, 18]),
  p('六味地黄丸（浓缩丸）', TCM, '每8丸相当于饮片3g', '200丸/瓶', '瓶', [10, 30]),
  p('血塞通软胶囊', TCM, '0.33g', '0.33g×12粒/盒', '盒', [10, 35]),
  p('板蓝根颗粒', TCM, '10g', '10g×20袋/包', '包', [8, 25]),
  p('丹红注射液', TCM, '10ml', '10ml/支', '支', [15, 40]),
  p('参麦注射液', TCM, '50ml', '50ml/瓶', '瓶', [25, 70]),
  p('独一味胶囊', TCM, '0.3g', '0.3g×36粒/盒', '盒', [20, 50]),
  p('二十五味珍珠丸', TCM, '1g', '1g×6丸/盒', '盒', [80, 220]),
  p('七十味珍珠丸', TCM, '1g', '1g×5丸/盒', '盒', [150, 420]),
  p('仁青常觉', TCM, '1g', '1g×5丸/盒', '盒', [120, 380]),
  p('十味龙胆花颗粒', TCM, '3g', '3g×6袋/盒', '盒', [15, 40]),
  p('二十五味松石丸', TCM, '1g', '1g×6丸/盒', '盒', [60, 160]),
  // 生物制品（疫苗除外）
  p('人血白蛋白', BIO, '10g（20%，50ml）', '10g（20%，50ml）/瓶', '瓶', [320, 480]),
  p('静注人免疫球蛋白（pH4）', BIO, '2.5g（5%，50ml）', '2.5g（5%，50ml）/瓶', '瓶', [500, 850]),
  p('重组人胰岛素注射液', BIO, '3ml：300单位', '3ml：300单位/支', '支', [18, 60]),
  p('甘精胰岛素注射液', BIO, '3ml：300单位', '3ml：300单位/支', '支', [60, 190]),
  p('人破伤风免疫球蛋白', BIO, '250IU', '250IU/瓶', '瓶', [60, 200]),
  p('狂犬病人免疫球蛋白', BIO, '200IU', '200IU/瓶', '瓶', [120, 300]),
  p('破伤风抗毒素', BIO, '1500IU', '1500IU/支', '支', [5, 20]),
  // 疫苗
  p('乙型肝炎疫苗（酿酒酵母）', VAC, '10μg/0.5ml', '10μg/0.5ml/支，1支/盒', '支', [9, 30], true),
  p('乙型肝炎疫苗（汉逊酵母）', VAC, '10μg/0.5ml', '10μg/0.5ml/支，1支/盒', '支', [9, 30], true),
  p('吸附无细胞百白破联合疫苗', VAC, '0.5ml', '0.5ml/支，1支/盒', '支', [8, 20], true),
  p('麻疹腮腺炎风疹联合减毒活疫苗', VAC, '0.5ml', '复溶后每瓶0.5ml，1瓶/盒', '瓶', [20, 40], true),
  p('二价脊髓灰质炎减毒活疫苗（人二倍体细胞）', VAC, '1.0ml', '1.0ml/瓶（10人份），1瓶/盒', '瓶', [20, 45], true),
  p('乙型脑炎减毒活疫苗', VAC, '0.5ml', '复溶后每瓶0.5ml，1瓶/盒', '瓶', [8, 25], true),
  p('A群C群脑膜炎球菌多糖疫苗', VAC, '0.5ml', '复溶后每瓶0.5ml，1瓶/盒', '瓶', [6, 20], true),
  p('甲型肝炎减毒活疫苗', VAC, '0.5ml', '复溶后每瓶0.5ml，1瓶/盒', '瓶', [8, 25], true),
  p('皮上划痕人用鼠疫活疫苗', VAC, '1.0ml', '1.0ml/瓶（10人份）', '瓶', [30, 80]),
  p('冻干人用狂犬病疫苗（Vero细胞）', VAC, '≥2.5IU/1.0ml', '复溶后每瓶1.0ml，1瓶/盒', '瓶', [150, 300]),
  p('流感病毒裂解疫苗', VAC, '0.5ml', '0.5ml/支，1支/盒', '支', [40, 130]),
  p('23价肺炎球菌多糖疫苗', VAC, '0.5ml', '0.5ml/支，1支/盒', '支', [180, 260]),
  p('13价肺炎球菌多糖结合疫苗', VAC, '0.5ml', '0.5ml/支，1支/盒', '支', [580, 700]),
  p('水痘减毒活疫苗', VAC, '0.5ml', '复溶后每瓶0.5ml，1瓶/盒', '瓶', [120, 170]),
  p('双价人乳头瘤病毒疫苗（大肠杆菌）', VAC, '0.5ml', '0.5ml/支，1支/盒', '支', [27, 330]),
  p('b型流感嗜血杆菌结合疫苗', VAC, '0.5ml', '0.5ml/支，1支/盒', '支', [60, 110]),
  p('肠道病毒71型灭活疫苗（Vero细胞）', VAC, '0.5ml', '0.5ml/支，1支/盒', '支', [160, 220]),
];

const DRUGS = PRODUCTS.filter((x) => x.type !== DrugType.VACCINE);
const VACCINES = PRODUCTS.filter((x) => x.type === DrugType.VACCINE);

function price(rng: Rng, product: Product): string {
  const [lo, hi] = product.price;
  return rng.money(lo, hi, 0.01);
}

const matching = new WeakMap<SubjectRegistry, Map<string, GeneratedSubject[]>>();

/**
 * A subject of `pool` whose name fits `wanted`: first by the pool's usual
 * popularity draws, then (the busiest subjects may all be of another trade)
 * from every registered subject with such a name, the first ones favoured.
 */
function drawMatching(f: RecordFrame, pool: 'purchaser' | 'pharma', wanted: RegExp): GeneratedSubject {
  const first = f.subjects.draw(f.rng, pool);
  if (wanted.test(first.name)) return first;
  for (let i = 0; i < 10; i++) {
    const s = f.subjects.draw(f.rng, pool);
    if (wanted.test(s.name)) return s;
  }
  let byPattern = matching.get(f.subjects);
  if (!byPattern) matching.set(f.subjects, (byPattern = new Map()));
  let list = byPattern.get(wanted.source);
  if (!list) {
    const kinds = pool === 'purchaser' ? [SubjectKind.GOVERNMENT_ORGAN, SubjectKind.INSTITUTION] : [SubjectKind.ENTERPRISE];
    list = f.subjects.subjects.filter((x) => kinds.includes(x.kind) && wanted.test(x.name));
    byPattern.set(wanted.source, list);
  }
  return list.length ? list[Math.floor(list.length * f.rng.next() ** 2)]! : first;
}

const HOSPITAL = /医院/;
const HEALTH_AUTHORITY = /卫生健康局|人民医院/;
const VACCINE_BUYER = /疾病预防控制中心/;

const TIBETAN = new Set(['二十五味珍珠丸', '七十味珍珠丸', '仁青常觉', '十味龙胆花颗粒', '二十五味松石丸', '独一味胶囊']);

/** A maker whose trade fits the product: 生物 for vaccines and blood products, 藏药 for Tibetan medicines. */
function maker(f: RecordFrame, product: Product): GeneratedSubject {
  const wanted =
    product.type === DrugType.VACCINE || product.type === DrugType.BIOLOGICAL
      ? /生物/
      : TIBETAN.has(product.name)
        ? /藏药/
        : /药业|医药|制药/;
  return drawMatching(f, 'pharma', wanted);
}

/** Whether a subject is registered in a county (its region code does not end in 00). */
function countyLevel(subject: GeneratedSubject): boolean {
  return !!subject.regionCode && !subject.regionCode.endsWith('00');
}

function methodFor(f: RecordFrame, vaccine: boolean): DrugProcurementMethod {
  if (vaccine) {
    return f.rng.weighted([
      [DrugProcurementMethod.CENTRALISED_TENDER, 40],
      [DrugProcurementMethod.NEGOTIATED, 30],
      [DrugProcurementMethod.ONLINE_LISTING, 30],
    ] as const);
  }
  // 带量采购 (national and alliance volume-based buying) began in 2019.
  return f.rng.weighted([
    [DrugProcurementMethod.VOLUME_BASED, f.year >= 2019 ? 35 : 0],
    [DrugProcurementMethod.ONLINE_LISTING, 25],
    [DrugProcurementMethod.CENTRALISED_TENDER, f.year >= 2020 ? 12 : 35],
    [DrugProcurementMethod.NEGOTIATED, 10],
    [DrugProcurementMethod.DIRECT_LISTING, 15],
  ] as const);
}

const METHOD_ZH: Record<DrugProcurementMethod, string> = {
  CENTRALISED_TENDER: '集中招标采购',
  VOLUME_BASED: '集中带量采购',
  NEGOTIATED: '谈判采购',
  ONLINE_LISTING: '挂网采购',
  DIRECT_LISTING: '直接挂网采购',
};

/** 第N批: batches of a year. */
function batch(f: RecordFrame): number {
  return f.rng.int(1, 5);
}

/* --------------------------------------------------------------- CATALOG */

const catalog: CategoryGenerator = (f) => {
  const kind = f.rng.weighted([
    ['drugs', 45],
    ['programme', 15],
    ['vaccines', 15],
    ['tibetan', 10],
    ['shortage', 15],
  ] as const);
  let items: readonly Product[];
  let title: string;
  switch (kind) {
    case 'programme':
      items = VACCINES.filter((v) => v.programme);
      title = `青海省${f.year}年国家免疫规划疫苗采购目录`;
      break;
    case 'vaccines':
      items = f.rng.sample(VACCINES.filter((v) => !v.programme), f.rng.int(4, 8));
      title = `青海省${f.year}年非免疫规划疫苗集中采购目录（第${batch(f)}批）`;
      break;
    case 'tibetan':
      items = f.rng.sample(DRUGS.filter((d) => d.type === DrugType.CHINESE_PATENT), f.rng.int(6, 12));
      title = `青海省${f.year}年医疗机构中成药（含藏药）挂网采购目录`;
      break;
    case 'shortage':
      items = f.rng.sample(DRUGS, f.rng.int(5, 15));
      title = `青海省${f.year}年短缺药品及易短缺药品直接挂网采购目录`;
      break;
    default:
      items = f.rng.sample(DRUGS, f.rng.int(12, 40));
      title = `青海省${f.year}年第${batch(f)}批药品集中采购目录公示`;
  }
  return {
    title,
    details: {
      items: items.map((x) => ({ drugName: x.name, drugType: x.type, specification: x.spec })),
    },
    parties: [],
  };
};

/* ---------------------------------------------------------------- NOTICE */

/** The first day of the month at least two weeks after `date`: supply periods start on a month's first day. */
function periodStart(date: string, rng: Rng): string {
  const later = addDays(date, rng.int(15, 45));
  return addDays(`${later.slice(0, 8)}01`, 32).slice(0, 8) + '01';
}

function periodEnd(from: string, months: number): string {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7)) - 1 + months;
  const next = `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

const notice: CategoryGenerator = (f) => {
  const vaccine = f.rng.chance(0.35);
  const method = methodFor(f, vaccine);
  // Province-wide buying (集中招标, 带量采购) names the health authority; hospitals buy on the platform themselves.
  const provinceWide = !vaccine && (method === DrugProcurementMethod.VOLUME_BASED || method === DrugProcurementMethod.CENTRALISED_TENDER);
  const purchaser = drawMatching(f, 'purchaser', vaccine ? VACCINE_BUYER : provinceWide ? HEALTH_AUTHORITY : HOSPITAL);
  const agency = f.subjects.draw(f.rng, 'agency');
  const from = periodStart(f.formedOn, f.rng);
  const months = vaccine ? 12 : method === DrugProcurementMethod.VOLUME_BASED ? f.rng.pick([12, 24, 36]) : f.rng.pick([12, 24]);
  const until = periodEnd(from, months);
  const single = vaccine || !provinceWide || f.rng.chance(0.4);
  let scope: string;
  let title: string;
  let quantity: { amount: string; unit: string };
  let budget: number;
  if (single) {
    const product = f.rng.pick(vaccine ? VACCINES : DRUGS);
    // The budget first (yuan), by who buys; the quantity follows from the expected price per pack.
    const [lo, hi] = vaccine ? (countyLevel(purchaser) ? [10_000, 300_000] : [200_000, 20_000_000]) : provinceWide ? [2_000_000, 200_000_000] : [50_000, 3_000_000];
    const unitPrice = Number(price(f.rng, product));
    const n = Math.max(10, Math.round(f.rng.logUniform(lo, hi) / unitPrice / 10) * 10);
    quantity = { amount: String(n), unit: product.unit };
    budget = n * unitPrice;
    const users = vaccine
      ? `供${purchaser.name.replace(/疾病预防控制中心$/, '')}辖区各预防接种单位使用`
      : provinceWide
        ? `供${f.rng.pick(['全省公立医疗机构', '全省二级及以上公立医疗机构', '省际联盟地区公立医疗机构'])}临床使用`
        : `供${purchaser.name}临床使用`;
    scope = `${product.name}（${product.pack}），${users}，预计采购金额${(budget / 10_000).toFixed(2)}万元。`;
    title = provinceWide
      ? `青海省${f.year}年${product.name}${METHOD_ZH[method]}公告`
      : `${purchaser.name}${f.year}年${product.programme ? '免疫规划' : ''}${product.name}采购公告`;
  } else {
    const products = f.rng.sample(DRUGS, f.rng.int(5, 30));
    const n = Math.round(f.rng.logUniform(100_000, 5_000_000) / 100) * 100;
    quantity = { amount: String(n), unit: '盒（瓶、支、袋）' };
    const avg = products.reduce((sum, x) => sum + (x.price[0] + x.price[1]) / 2, 0) / products.length;
    budget = n * avg * (0.4 + f.rng.next() * 0.4);
    scope =
      `${products[0]!.name}等${products.length}个品种${products.length + f.rng.int(0, products.length)}个品规，` +
      `采购范围为${f.rng.pick(['全省公立医疗机构', '全省二级及以上公立医疗机构', '省内医保定点医疗机构'])}，预计采购金额${(budget / 10_000).toFixed(2)}万元。`;
    title = `青海省${f.year}年第${batch(f)}批药品${METHOD_ZH[method]}公告`;
  }
  return {
    title,
    amount: `${Math.round(budget)}.00`,
    projectCode: `QHYC${f.year}${vaccine ? 'YM' : 'YP'}${f.rng.digits(4)}`,
    details: {
      scope,
      method,
      period: { from, until },
      quantity,
    },
    parties: [
      { role: PartyRole.PURCHASER, subject: purchaser },
      { role: PartyRole.AGENCY, subject: agency },
    ],
  };
};

/* ---------------------------------------------------------------- RESULT */

/** One winning product of a procurement: the 中标单位, the product and its price per pack. */
const result: CategoryGenerator = (f) => {
  const vaccine = f.rng.chance(0.3);
  const product = f.rng.pick(vaccine ? VACCINES : DRUGS);
  const winner = maker(f, product);
  const unitPrice = price(f.rng, product);
  const parties: { role: PartyRole; subject: GeneratedSubject }[] = [{ role: PartyRole.WINNER, subject: winner }];
  // A hospital's or CDC's own purchase names it; provincial results name only the winner.
  const purchaser = f.rng.chance(0.5) ? drawMatching(f, 'purchaser', vaccine ? VACCINE_BUYER : HOSPITAL) : null;
  if (purchaser) parties.push({ role: PartyRole.PURCHASER, subject: purchaser });
  if (f.rng.chance(0.35)) parties.push({ role: PartyRole.AGENCY, subject: f.subjects.draw(f.rng, 'agency') });
  const title = purchaser
    ? `${purchaser.name}${f.year}年${product.name}采购结果公告`
    : f.rng.weighted([
        [`青海省${f.year}年第${batch(f)}批药品集中带量采购中选结果公示（${product.name}）`, vaccine || f.year < 2019 ? 0 : 4],
        [`青海省${f.year}年${vaccine ? '疫苗' : '药品'}集中采购中标结果公告（${product.name}）`, 4],
      ] as const);
  return {
    title,
    // The record's one money figure is the winning price per pack, as the result publishes it.
    amount: unitPrice,
    details: {
      drugName: product.name,
      drugType: product.type,
      price: unitPrice,
      specPackaging: product.pack,
    },
    parties,
  };
};

export const drugGenerators: Record<string, CategoryGenerator> = {
  CATALOG: catalog,
  NOTICE: notice,
  RESULT: result,
};

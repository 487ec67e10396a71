export type Sector =
  | 'education'
  | 'health'
  | 'road'
  | 'water'
  | 'agri'
  | 'forestry'
  | 'land'
  | 'housing'
  | 'municipal'
  | 'environment'
  | 'public'
  | 'realEstate';

export const SECTOR_WEIGHTS: readonly (readonly [Sector, number])[] = [
  ['housing', 14],
  ['municipal', 18],
  ['road', 14],
  ['water', 10],
  ['education', 10],
  ['health', 7],
  ['public', 6],
  ['agri', 6],
  ['forestry', 4],
  ['land', 4],
  ['environment', 6],
  ['realEstate', 11],
];

/** What the publishing department's own projects are. */
export const PUBLISHER_SECTORS: Record<string, readonly Sector[]> = {
  'QH-TRANSPORT': ['road'],
  'QH-WATER': ['water'],
  'QH-AGRI': ['agri'],
  'QH-FORESTRY': ['forestry'],
  'QH-HEALTH': ['health'],
  'QH-HOUSING': ['housing', 'municipal', 'realEstate'],
  'QH-LAND': ['land'],
  'QH-ENV': ['environment'],
  'QH-COMMERCE': ['public'],
  'QH-ECONINFO': ['municipal'],
};

/** Which projects a tenderer, by its name, puts out to tender. First match wins. */
const TENDERER_SECTORS: readonly (readonly [RegExp, readonly Sector[]])[] = [
  [/中学|小学|职业技术学校|教育局/, ['education']],
  [/医院|妇幼保健院|疾病预防控制中心|卫生健康局/, ['health']],
  [/交通运输局/, ['road']],
  [/水利局/, ['water']],
  [/农业农村局/, ['agri', 'forestry']],
  [/自然资源局/, ['land', 'forestry']],
  [/住房和城乡建设局/, ['housing', 'municipal', 'environment']],
  [/生态环境局/, ['environment']],
  [/公安局|广播电视台|图书馆|财政局|市场监督管理局/, ['public']],
  [/人民政府办公室/, ['municipal', 'public', 'housing', 'environment', 'road']],
  [/城市建设投资|城投建设/, ['municipal', 'housing', 'road', 'environment']],
  [/棚户区改造建设/, ['housing']],
  [/房地产开发|置业/, ['realEstate']],
  // The builders among the developers develop housing of their own.
  [/./, ['realEstate']],
];

export const INSTITUTION = /中学|小学|学校|医院|妇幼保健院|疾病预防控制中心|广播电视台|图书馆/;

export function sectorsOf(name: string): readonly Sector[] {
  for (const [pattern, sectors] of TENDERER_SECTORS) if (pattern.test(name)) return sectors;
  return ['municipal'];
}

/** The 注册建造师 speciality and 施工总承包 qualification a sector's works need. */
export const SPECIALITY: Record<Sector, '建筑工程' | '市政公用工程' | '公路工程' | '水利水电工程'> = {
  education: '建筑工程',
  health: '建筑工程',
  public: '建筑工程',
  housing: '建筑工程',
  realEstate: '建筑工程',
  municipal: '市政公用工程',
  environment: '市政公用工程',
  forestry: '市政公用工程',
  road: '公路工程',
  water: '水利水电工程',
  agri: '水利水电工程',
  land: '水利水电工程',
};

/** Builders whose names fit the works (a 路桥 company for a road …); 建设工程 firms do everything. */
export const BUILDER_FIT: Record<string, RegExp> = {
  建筑工程: /建设工程|建筑工程|建筑安装/,
  市政公用工程: /市政|建设工程|路桥|园林绿化/,
  公路工程: /路桥|公路|建设工程/,
  水利水电工程: /水利水电|建设工程|市政/,
};

export const SUPERVISION_QUAL: Record<string, string> = {
  建筑工程: '房屋建筑工程监理',
  市政公用工程: '市政公用工程监理',
  公路工程: '公路工程监理',
  水利水电工程: '水利工程施工监理',
};

export const DESIGN_QUAL: Record<string, string> = {
  建筑工程: '建筑行业（建筑工程）',
  市政公用工程: '市政行业',
  公路工程: '公路行业',
  水利水电工程: '水利行业',
};

import { addDays } from '../kernel/time/calendar-dates.js';
import { WorkingDayCalendar } from '../kernel/time/working-days.js';
import { loadHolidaySchedules } from '../reference-data/holidays.js';
import { loadRegions, type RegionRow } from '../reference-data/responsibility-expansion.js';
import type { PickedRegion } from './regions.js';
import type { Rng } from './rng.js';

// Geography shared by the land, mining and property generators: Qinghai's GB/T
// 2260 regions, their seats' coordinates and the names notices call them by.

const REGIONS = loadRegions();
const REGION_BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

/** Seats of government (CGCS2000 degrees, to a few hundred metres): where a county's parcels and quarries cluster. */
const SEATS: Record<string, readonly [number, number]> = {
  '630000': [101.778, 36.617],
  '630100': [101.778, 36.617],
  '630102': [101.804, 36.599],
  '630103': [101.784, 36.604],
  '630104': [101.766, 36.628],
  '630105': [101.762, 36.667],
  '630106': [101.572, 36.501],
  '630121': [101.685, 36.927],
  '630123': [101.256, 36.682],
  '630200': [102.402, 36.482],
  '630202': [102.402, 36.482],
  '630203': [102.104, 36.500],
  '630222': [102.797, 36.320],
  '630223': [101.960, 36.844],
  '630224': [102.264, 36.098],
  '630225': [102.489, 35.851],
  '632200': [100.901, 36.959],
  '632221': [101.622, 37.376],
  '632222': [100.250, 38.175],
  '632223': [100.994, 36.896],
  '632224': [100.139, 37.325],
  '632300': [102.016, 35.518],
  '632301': [102.016, 35.518],
  '632322': [102.032, 35.938],
  '632323': [101.467, 35.036],
  '632324': [101.612, 34.734],
  '632500': [100.620, 36.280],
  '632521': [100.620, 36.280],
  '632522': [100.579, 35.254],
  '632523': [101.434, 36.040],
  '632524': [99.987, 35.589],
  '632525': [100.747, 35.587],
  '632600': [100.243, 34.473],
  '632621': [100.243, 34.473],
  '632622': [100.737, 32.932],
  '632623': [99.901, 33.969],
  '632624': [99.651, 33.749],
  '632625': [101.484, 33.430],
  '632626': [98.211, 34.915],
  '632700': [97.008, 32.993],
  '632701': [97.008, 32.993],
  '632722': [95.298, 32.893],
  '632723': [97.110, 33.367],
  '632724': [95.613, 33.852],
  '632725': [96.480, 32.203],
  '632726': [95.800, 34.126],
  '632800': [97.370, 37.375],
  '632801': [94.904, 36.402],
  '632802': [97.370, 37.375],
  '632803': [90.856, 38.247],
  '632821': [98.480, 36.930],
  '632822': [98.089, 36.302],
  '632823': [99.020, 37.300],
  '632857': [95.357, 37.851],
};

export function regionRow(code: string): RegionRow {
  const row = REGION_BY_CODE.get(code);
  if (!row) throw new Error(`unknown region ${code}`);
  return row;
}

export function countiesOf(prefectureCode: string): RegionRow[] {
  return REGIONS.filter((r) => r.parentCode === prefectureCode);
}

export function prefectures(): RegionRow[] {
  return REGIONS.filter((r) => r.level === 'PREFECTURE');
}

function seatOf(code: string): readonly [number, number] {
  return SEATS[code] ?? SEATS[regionRow(code).parentCode ?? '630000'] ?? SEATS['630000']!;
}

/** The name a notice uses: 海西州, 大通县, 大柴旦行委 rather than the full autonomous names. */
export function shortRegionName(name: string): string {
  return name
    .replace(/(蒙古族藏族自治州|藏族自治州)$/, '州')
    .replace(/(回族土族自治县|土族自治县|回族自治县|撒拉族自治县|蒙古族自治县|藏族自治县)$/, '县')
    .replace(/行政委员会$/, '行委');
}

/** 青海省, 西宁市城北区 (a district with its city), 格尔木市, 海西州, 大通县. */
export function placeLabel(region: { code: string; name: string; level: string }): string {
  if (region.level === 'PROVINCE') return '青海省';
  const row = regionRow(region.code);
  if (row.level === 'COUNTY' && row.name.endsWith('区') && row.parentCode) {
    return `${shortRegionName(regionRow(row.parentCode).name)}${row.name}`;
  }
  return shortRegionName(row.name);
}

/**
 * A county (or district, county-level city) inside the record's region where
 * the parcel or mine lies: the region itself when it is one, otherwise one of
 * its counties; for the province, a prefecture drawn by `weights` first.
 */
export function localCounty(rng: Rng, region: PickedRegion, weights?: Record<string, number>): RegionRow {
  if (region.level === 'COUNTY') return regionRow(region.code);
  const prefecture =
    region.level === 'PREFECTURE'
      ? region.code
      : rng.weighted(prefectures().map((p) => [p.code, weights?.[p.code] ?? 1] as const));
  return rng.pick(countiesOf(prefecture));
}

let workingDays: WorkingDayCalendar | undefined;

/** The official calendar (weekends, 放假 and 调休), loaded once on first use. */
function calendar(): WorkingDayCalendar {
  return (workingDays ??= new WorkingDayCalendar(loadHolidaySchedules()));
}

/** The date itself if it is a working day, else the next one: sessions are not held on weekends or holidays. */
export function workdayOnOrAfter(date: string): string {
  let d = date;
  while (!calendar().isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** n working days later (earlier when n < 0) on the official calendar. */
export function addWorkdays(date: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let d = date;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (calendar().isWorkingDay(d)) left--;
  }
  return d;
}

/** China time, as the JSON columns keep date-times. */
export function chinaTime(date: string, hour: number, minute = 0): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}

/** Whole yuan rounded to `roundTo`, as the decimal string the schema carries. */
export function yuan(amount: number, roundTo = 1): string {
  return `${Math.max(roundTo, Math.round(amount / roundTo) * roundTo)}.00`;
}

/** An area value with the entity's four decimals, rounded to `decimals`. */
export function areaValue(value: number, decimals: number): string {
  const f = 10 ** decimals;
  return (Math.round(value * f) / f).toFixed(4);
}

/**
 * A boundary of roughly `areaM2` square metres around `centre`: a rotated
 * rectangle, sometimes with a corner cut or an edge bent, vertices in order
 * (the last joins the first). Degrees to six decimals (about 0.1 m).
 */
export function boundary(rng: Rng, centre: readonly [number, number], areaM2: number): { longitude: number; latitude: number }[] {
  const aspect = rng.logUniform(0.5, 2);
  const w = Math.sqrt(areaM2 * aspect);
  const h = areaM2 / w;
  const corners: [number, number][] = [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ];
  const extra = rng.weighted([
    [0, 60],
    [1, 25],
    [2, 15],
  ] as const);
  const points: [number, number][] = [];
  corners.forEach((c, i) => {
    points.push(c);
    if (i < extra) {
      const next = corners[(i + 1) % 4]!;
      const bend = 1 + (rng.next() - 0.5) * 0.12;
      points.push([((c[0] + next[0]) / 2) * bend, ((c[1] + next[1]) / 2) * bend]);
    }
  });
  const theta = rng.next() * Math.PI;
  const metresPerDegLat = 111_320;
  const metresPerDegLon = 111_320 * Math.cos((centre[1] * Math.PI) / 180);
  const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return points.map(([x, y]) => {
    const rx = x * Math.cos(theta) - y * Math.sin(theta);
    const ry = x * Math.sin(theta) + y * Math.cos(theta);
    return { longitude: round6(centre[0] + rx / metresPerDegLon), latitude: round6(centre[1] + ry / metresPerDegLat) };
  });
}

/** A point within `km` kilometres of the county seat. */
export function near(rng: Rng, code: string, km: number): [number, number] {
  const [lon, lat] = seatOf(code);
  const dy = (rng.next() * 2 - 1) * km;
  const dx = (rng.next() * 2 - 1) * km;
  return [lon + dx / (111.32 * Math.cos((lat * Math.PI) / 180)), lat + dy / 111.32];
}


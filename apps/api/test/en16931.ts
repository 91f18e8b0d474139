// Validates CII XML against the official EN 16931 Schematron (compiled XSLT 2.0 in
// ../shared/validators/en16931-cii/), run by SaxonJS (xslt3, from node_modules).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const XSLT_CANDIDATES = [
  process.env.EN16931_CII_XSLT,
  resolve(__dirname, '../../../../shared/validators/en16931-cii/EN16931-CII-validation.xslt'),
  resolve(__dirname, '../../../../../shared/validators/en16931-cii/EN16931-CII-validation.xslt'),
  '/work/shared/validators/en16931-cii/EN16931-CII-validation.xslt',
].filter((p): p is string => !!p);

export function validatorPath(): string | null {
  return XSLT_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const XSLT3 = require.resolve('xslt3/xslt3.js');

/** The stylesheet compiled once to SEF (cached in the temp directory by size and date). */
function compiled(xslt: string): string {
  const stat = statSync(xslt);
  const dir = join(tmpdir(), 'comptoir-en16931');
  mkdirSync(dir, { recursive: true });
  const sef = join(dir, `cii-${stat.size}-${Math.trunc(stat.mtimeMs)}.sef.json`);
  if (!existsSync(sef)) execFileSync(process.execPath, [XSLT3, `-xsl:${xslt}`, `-export:${sef}.tmp`, '-nogo'], { stdio: 'pipe', timeout: 600_000 });
  if (!existsSync(sef)) execFileSync('mv', [`${sef}.tmp`, sef]);
  return sef;
}

export interface SchematronResult {
  fatal: { id: string; text: string; location: string }[];
  warnings: number;
}

export function validateCii(xml: string): SchematronResult {
  const xslt = validatorPath();
  if (!xslt) throw new Error('EN 16931 CII validator not found (set EN16931_CII_XSLT)');
  const sef = compiled(xslt);
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-cii-'));
  try {
    writeFileSync(join(dir, 'invoice.xml'), xml);
    execFileSync(process.execPath, [XSLT3, `-xsl:${sef}`, `-s:${join(dir, 'invoice.xml')}`, `-o:${join(dir, 'out.svrl')}`], { stdio: 'pipe', timeout: 300_000 });
    const svrl = readFileSync(join(dir, 'out.svrl'), 'utf8');
    const fatal: SchematronResult['fatal'] = [];
    let warnings = 0;
    for (const match of svrl.matchAll(/<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g)) {
      const attrs = match[1];
      const flag = /flag="([^"]*)"/.exec(attrs)?.[1] ?? 'fatal';
      if (flag === 'fatal') {
        fatal.push({ id: /id="([^"]*)"/.exec(attrs)?.[1] ?? '', location: /location="([^"]*)"/.exec(attrs)?.[1] ?? '', text: (/<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(match[2])?.[1] ?? '').trim() });
      } else warnings++;
    }
    return { fatal, warnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

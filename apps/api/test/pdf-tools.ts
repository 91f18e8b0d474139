// Test helpers: read a PDF with an independent reader (pdf.js, in a child process: it is ESM only).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ReadPdf {
  pages: number;
  /** The text of every page, whitespace (including no-break spaces) collapsed to one space. */
  text: string;
  attachments: Record<string, Buffer>;
  info: Record<string, unknown>;
}

export function readPdf(bytes: Uint8Array): ReadPdf {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const out = execFileSync(process.execPath, [join(__dirname, 'pdf-extract.mjs'), file], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
    const parsed = JSON.parse(out) as { pages: number; text: string; attachments: Record<string, string>; info: Record<string, unknown> };
    return {
      pages: parsed.pages,
      text: parsed.text.replace(/[\s\u00a0\u202f]+/g, ' '),
      attachments: Object.fromEntries(Object.entries(parsed.attachments).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
      info: parsed.info,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

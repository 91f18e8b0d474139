// Reads a PDF the way a third party would (Mozilla's pdf.js, legacy build for Node):
// prints JSON { pages, text, attachments: { name: base64 } } for the file named on the command line.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
const texts = [];
for (let i = 1; i <= pdf.numPages; i++) {
  const page = await pdf.getPage(i);
  const content = await page.getTextContent();
  texts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
}
const attachments = {};
for (const [name, file] of Object.entries((await pdf.getAttachments()) ?? {})) attachments[name] = Buffer.from(file.content).toString('base64');
const metadata = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages: pdf.numPages, text: texts.join('\n'), attachments, info: metadata.info }));

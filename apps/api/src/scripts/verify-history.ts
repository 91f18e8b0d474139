// Offline verification of a dossier's history, for an auditor: no database, no
// server secret, only the public key and an export (`cli.js history:export`).
//
//   node dist/scripts/verify-history.js --public-key comptoir-history.pem export.json [--kept older-export.json …]
//
// Checks the links between entries, every checkpoint signature, that the entries
// up to each checkpoint are exactly what was signed, and that no checkpoint — in
// the export or in the exports kept from earlier (--kept) — lies beyond the end of
// the history (a truncated tail). Exit code 0 when everything holds, 1 otherwise.
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { verifyExport, type HistoryExport, type SignedCheckpoint } from '../modules/history/history-seal';

export function main(argv: string[]): number {
  let keyFile: string | null = null;
  const kept: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--public-key') keyFile = argv[++i] ?? null;
    else if (argv[i] === '--kept') kept.push(argv[++i]);
    else files.push(argv[i]);
  }
  if (!keyFile || files.length !== 1) {
    console.error('usage: verify-history --public-key KEY.pem EXPORT.json [--kept OLDER-EXPORT.json …]');
    return 2;
  }
  const publicKey = createPublicKey(readFileSync(keyFile, 'utf8'));
  const data = JSON.parse(readFileSync(files[0], 'utf8')) as HistoryExport;
  const keptCheckpoints: SignedCheckpoint[] = kept.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as HistoryExport).checkpoints);
  const result = verifyExport(data, publicKey, keptCheckpoints);
  console.log(`dossier ${data.dossierId}: ${result.entries} entries, ${result.checkpoints} checkpoints, signed up to entry ${result.signedUpTo}`);
  if (result.entries > result.signedUpTo) console.log(`entries ${result.signedUpTo + 1}…${result.entries} are not covered by a checkpoint yet`);
  for (const problem of result.problems) console.log(`PROBLEM: ${problem}`);
  console.log(result.ok ? 'OK' : 'NOT OK');
  return result.ok ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

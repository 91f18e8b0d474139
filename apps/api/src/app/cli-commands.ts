// Commands of `node dist/cli.js`, one entry per feature that needs one.
import { writeFileSync } from 'node:fs';
import { RequestContext, type AppServices } from '../core/context';
import { checkpointNow, exportHistory } from '../modules/history/history.service';
import { createSupportAccount } from '../modules/identity/support-account';

export interface CliCommand {
  name: string;
  usage: string;
  description: string;
  run(app: AppServices, options: Record<string, string | true>): Promise<void>;
}

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);

/** A one-off command's context bound to one dossier (no user: what runs in it records no history). */
function dossierContext(app: AppServices, dossierId: string): RequestContext {
  const principal = { sessionId: 'cli', userId: 'cli', email: '', name: 'CLI', dossierId, profile: null, platformRole: null };
  return RequestContext.system(app, { requestId: 'cli', userAgent: 'cli' }).withPrincipal(principal);
}

/** The dossiers named by --dossier, or all that have history. */
async function dossiersOf(app: AppServices, options: Record<string, string | true>): Promise<string[]> {
  if (str(options.dossier)) return [str(options.dossier)!];
  const rows = (await app.dataSource.query('SELECT `dossierId` FROM `history_chain_heads` ORDER BY `dossierId`')) as { dossierId: string }[];
  return rows.map((r) => r.dossierId);
}

export const CLI_COMMANDS: CliCommand[] = [
  {
    name: 'history:public-key',
    usage: 'history:public-key [--out F]',
    description: 'print (or write) the public key that verifies the signed history checkpoints',
    async run(app, options) {
      if (str(options.out)) writeFileSync(str(options.out)!, app.keys.publicKeyPem);
      else process.stdout.write(app.keys.publicKeyPem);
    },
  },
  {
    name: 'history:checkpoint',
    usage: 'history:checkpoint [--dossier ID]',
    description: 'sign a checkpoint of the history of one dossier (default: all) now',
    async run(app, options) {
      for (const dossierId of await dossiersOf(app, options)) {
        const cp = await checkpointNow(dossierContext(app, dossierId));
        console.warn(cp ? `${dossierId}: checkpoint at entry ${cp.sequence}` : `${dossierId}: no history yet`);
      }
    },
  },
  {
    name: 'history:export',
    usage: 'history:export --dossier ID [--out F]',
    description: 'export a dossier’s history and signed checkpoints for offline verification (verify-history)',
    async run(app, options) {
      if (!str(options.dossier)) throw new Error('history:export needs --dossier');
      const data = `${JSON.stringify(await exportHistory(dossierContext(app, str(options.dossier)!)), null, 1)}\n`;
      if (str(options.out)) writeFileSync(str(options.out)!, data);
      else process.stdout.write(data);
    },
  },
  {
    name: 'support:create',
    usage: 'support:create --email E --name N [--password P]',
    description: 'create a support account (or promote a login without dossiers); without --password, prints a one-time link to set it',
    async run(app, options) {
      if (!str(options.email)) throw new Error('support:create needs --email');
      const result = await createSupportAccount(app, { email: str(options.email)!, name: str(options.name), password: str(options.password) });
      console.warn(`${result.created ? 'Created' : 'Promoted'} support account ${result.user.email} (${result.user.name}).`);
      if (result.link) console.warn(`Set its password (single use, 24 h): ${result.link}`);
      else console.warn('Its password is the one given with --password.');
    },
  },
];

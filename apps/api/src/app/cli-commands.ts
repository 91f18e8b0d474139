// Commands of `node dist/cli.js`, one entry per feature that needs one.
import type { AppServices } from '../core/context';
import { createSupportAccount } from '../modules/identity/support-account';

export interface CliCommand {
  name: string;
  usage: string;
  description: string;
  run(app: AppServices, options: Record<string, string | true>): Promise<void>;
}

export const CLI_COMMANDS: CliCommand[] = [
  {
    name: 'support:create',
    usage: 'support:create --email E --name N [--password P]',
    description: 'create a support account (or promote a login without dossiers); without --password, prints a one-time link to set it',
    async run(app, options) {
      const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined);
      if (!str(options.email)) throw new Error('support:create needs --email');
      const result = await createSupportAccount(app, { email: str(options.email)!, name: str(options.name), password: str(options.password) });
      console.warn(`${result.created ? 'Created' : 'Promoted'} support account ${result.user.email} (${result.user.name}).`);
      if (result.link) console.warn(`Set its password (single use, 24 h): ${result.link}`);
      else console.warn('Its password is the one given with --password.');
    },
  },
];

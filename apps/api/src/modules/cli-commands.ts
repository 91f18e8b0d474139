// Commands of `node dist/cli.js`, one entry per feature that needs one.
import type { AppServices } from '../core/context';

export interface CliCommand {
  name: string;
  usage: string;
  description: string;
  run(app: AppServices, options: Record<string, string | true>): Promise<void>;
}

export const CLI_COMMANDS: CliCommand[] = [];

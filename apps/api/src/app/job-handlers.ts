import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppServices } from '../core/context';
import { registerAccountingJobs } from '../modules/accounting-downloads/batch.jobs';
import { registerExportJobs } from '../modules/exports/export.jobs';
import { registerMailJobs } from '../modules/mail/mail.jobs';
import { registerPdfJobs } from '../modules/pdf/pdf.jobs';

/** Test-only job (NODE_ENV=test): records each run, writes its effect once under its idempotency key. */
export interface EffectJob {
  key: string;
  dir: string;
}

/** Every job handler of the app, registered on every node (one line per feature as they move to jobs). */
export function registerJobHandlers(app: AppServices): void {
  registerExportJobs(app);
  registerMailJobs(app);
  registerPdfJobs(app);
  registerAccountingJobs(app);
  if (app.config.env === 'test') {
    app.jobs.register<EffectJob>('test.effect', async (data, run) => {
      appendFileSync(join(data.dir, `${data.key}.runs`), `${process.pid}\n`);
      await run.progress(10);
      // A process told to hold stops here (it is killed mid-job by the test).
      if (process.env.JOB_TEST_HOLD === '1') await new Promise(() => undefined);
      try {
        // The effect, keyed: a second run finds it done (a real handler writes its key in the transaction of its effect).
        writeFileSync(join(data.dir, `${data.key}.effect`), `${process.pid}\n`, { flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      await run.progress(100);
    });
  }
}

import type { AppServices } from '../../core/context';
import { MAIL_JOB, type MailJobData } from './outbox-worker';

/** Sending an outbox message is a job: any node's worker takes it, the queue retries it. */
export function registerMailJobs(app: AppServices): void {
  app.jobs.register<MailJobData>(MAIL_JOB, (data) => app.outbox.deliverJob(data.messageId));
}

import nodemailer, { type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config';
import type { Logger } from '../../core/logger';
import { OutboxMessage } from './outbox.entity';

import type { Mailer } from '../../core/mail';

export type { MailMessage, Mailer } from '../../core/mail';

/**
 * nodemailer over SMTP_URL. Without SMTP_URL the message is written to the log
 * and kept in the outbox only. Messages are recorded without their links'
 * tokens in the log, since a link is a credential.
 */
export function createMailer(config: AppConfig, dataSource: DataSource, logger: Logger): Mailer {
  const transport: Transporter | null = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  return {
    async send(message) {
      let status: OutboxMessage['status'] = 'logged';
      let error: string | null = null;
      if (transport) {
        try {
          await transport.sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.text });
          status = 'sent';
        } catch (err) {
          status = 'failed';
          error = (err as Error).message.slice(0, 500);
          logger.error({ to: message.to, subject: message.subject, err: error }, 'mail not sent');
        }
      } else {
        logger.info({ to: message.to, subject: message.subject }, 'mail kept in the outbox (no SMTP_URL configured)');
      }
      const repo = dataSource.getRepository(OutboxMessage);
      await repo.save(repo.create({ to: message.to, subject: message.subject.slice(0, 255), text: message.text, status, error }));
      if (status === 'failed') throw new Error(`The e-mail to ${message.to} could not be sent`);
    },
  };
}

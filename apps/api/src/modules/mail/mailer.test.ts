import { createTestApp } from '../../../test/harness';
import { startSmtpServer } from '../../../test/smtp';
import { OutboxMessage } from './outbox.entity';

describe('mailer', () => {
  it('delivers over SMTP and records the message in the outbox', async () => {
    const smtp = await startSmtpServer();
    const t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    try {
      await t.app.mailer.send({ to: 'anne@example.test', subject: 'Bienvenue', text: 'Votre accès est prêt : été, déjà.' });
      const mail = await smtp.waitFor('anne@example.test');
      expect(mail.subject).toBe('Bienvenue');
      expect(mail.text).toContain('Votre accès est prêt : été, déjà.');
      const kept = await t.app.dataSource.getRepository(OutboxMessage).find();
      expect(kept).toMatchObject([{ to: 'anne@example.test', status: 'sent' }]);
    } finally {
      await t.close();
      await smtp.close();
    }
  });

  it('keeps messages in the outbox when no SMTP is configured', async () => {
    const t = await createTestApp();
    try {
      await t.app.mailer.send({ to: 'bob@example.test', subject: 'Lien', text: 'x' });
      expect(await t.app.dataSource.getRepository(OutboxMessage).count({ where: { status: 'logged' } })).toBe(1);
    } finally {
      await t.close();
    }
  });
});

import { Profile } from '@comptoir/schema';
import { createDossier, createSupportClient } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import { startSmtpServer } from '../../../test/smtp';
import { createOutboxWorker } from './outbox-worker';
import { OutboxMessage } from './outbox.entity';

const PUBLIC_URL = 'http://comptoir.test';
const REQUEST_RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const OUTBOX = '{ adminOutbox(first: 100) { totalCount nodes { id to subject text status error createdAt } } }';
const ADD_USER = `mutation($d: ID!, $i: AdminAddUserInput!) { adminAddUser(dossierId: $d, input: $i) { userId } }`;

function resetToken(text: string): string {
  const match = /\/reinitialiser-mot-de-passe\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no reset link in:\n${text}`);
  return match[1];
}

const HOUR = 3600_000;

describe('the mail outbox', () => {
  describe('redaction (support cannot take over an account)', () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    beforeAll(async () => {
      smtp = await startSmtpServer();
      t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    });
    afterAll(async () => {
      await t.close();
      await smtp.close();
    });

    it('gives support no usable reset or invitation link through any admin API, while the recipient gets the real one', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER] });
      const victim = d.as.OWNER!.user;
      const support = await createSupportClient(t);
      // Support asks for a reset of someone else's account, then looks everywhere it can.
      expect(await support.client.data(REQUEST_RESET, { e: victim.email })).toEqual({ requestPasswordReset: true });
      const invitee = `invite-${Date.now()}@example.test`;
      await support.client.data(ADD_USER, { d: d.dossier.id, i: { email: invitee, name: 'Invitée', profile: 'COMMERCIAL' } });

      const delivered = await smtp.waitFor(victim.email);
      const token = resetToken(delivered.text);
      const invitation = await smtp.waitFor(invitee);
      const invitationToken = /\/invitation\?token=([A-Za-z0-9_-]+)/.exec(invitation.text)?.[1];
      expect(invitationToken).toBeTruthy();

      const seen = JSON.stringify([
        await support.client.data(OUTBOX),
        await support.client.data(`query($q: String!) { adminSearchUsers(query: $q) { id email } }`, { q: victim.email }),
        await support.client.data(`query($d: ID!) { adminDossier(id: $d) { id name recentActions { kind detail } } }`, { d: d.dossier.id }),
        await support.client.data(`{ adminActions { kind detail } }`),
      ]);
      expect(seen).not.toContain(token);
      expect(seen).not.toContain(invitationToken);
      const outbox = (await support.client.data<{ adminOutbox: { nodes: { to: string; text: string }[] } }>(OUTBOX)).adminOutbox.nodes;
      expect(outbox.find((m) => m.to === victim.email)?.text).toContain('/reinitialiser-mot-de-passe?token=[masqué]');
      expect(outbox.find((m) => m.to === invitee)?.text).toContain('/invitation?token=[masqué]');
      // Nothing in the database holds the token in clear either, once delivered
      // (runOnce first waits for the worker's round in progress to settle).
      await t.app.outbox.runOnce();
      const rows = await t.app.dataSource.getRepository(OutboxMessage).find();
      expect(JSON.stringify(rows)).not.toContain(token);
      expect(rows.every((r) => r.status === 'sent' && r.sealed === null)).toBe(true);

      // The recipient's link works.
      expect(await t.client().data(RESET, { t: token, p: 'Un-nouveau-mot-de-passe-2026' })).toEqual({ resetPassword: true });
    });
  });

  describe('delivery', () => {
    it('writes the message in the transaction that causes it: a worker stopped before sending loses nothing, and a restarted one delivers it exactly once', async () => {
      const smtp = await startSmtpServer();
      const t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL }, outbox: false });
      try {
        const d = await createDossier(t, { profiles: [Profile.OWNER] });
        const email = d.as.OWNER!.user.email;
        await t.client().data(REQUEST_RESET, { e: email });
        // Committed, not sent: the process "crashed" before its worker ran.
        expect(smtp.messages).toHaveLength(0);
        const [pending] = await t.app.dataSource.getRepository(OutboxMessage).findBy({ to: email });
        expect(pending).toMatchObject({ status: 'pending', attempts: 0 });

        // A worker that claimed it and died mid-send: the lease runs out, then another worker takes over.
        await t.app.dataSource.getRepository(OutboxMessage).update({ id: pending.id }, { status: 'sending', attempts: 1, nextAttemptAt: new Date(Date.now() + 5 * 60_000) });
        const restarted = createOutboxWorker(t.app);
        expect(await restarted.runOnce()).toMatchObject({ sent: 0 });
        expect(await restarted.runOnce(new Date(Date.now() + HOUR))).toMatchObject({ sent: 1 });
        expect(await restarted.runOnce(new Date(Date.now() + 2 * HOUR))).toMatchObject({ sent: 0 });
        expect(smtp.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
        expect(await t.app.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id: pending.id })).toMatchObject({ status: 'sent', attempts: 2, sealed: null });
      } finally {
        await t.close();
        await smtp.close();
      }
    });

    it('retries a refused message with exponential backoff, then gives up after MAIL_MAX_ATTEMPTS', async () => {
      const smtp = await startSmtpServer({ failFirst: 4 });
      const t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL, MAIL_RETRY_BASE_SECONDS: '60', MAIL_MAX_ATTEMPTS: '3' }, outbox: false });
      try {
        const repo = t.app.dataSource.getRepository(OutboxMessage);
        const worker = t.app.outbox;
        await t.app.dataSource.transaction((em) => t.app.mailer.enqueue(em, { to: 'a@example.test', subject: 'Un', text: 'premier' }));
        const t0 = Date.now();
        expect(await worker.runOnce(new Date(t0))).toMatchObject({ retried: 1 });
        let row = await repo.findOneByOrFail({ to: 'a@example.test' });
        expect(row).toMatchObject({ status: 'pending', attempts: 1, error: expect.stringMatching(/451|later/i) });
        expect(row.nextAttemptAt!.getTime()).toBe(t0 + 60_000);
        // Not due yet: nothing is tried.
        expect(await worker.runOnce(new Date(t0 + 59_000))).toEqual({ sent: 0, retried: 0, failed: 0, logged: 0 });
        expect(await worker.runOnce(new Date(t0 + 60_000))).toMatchObject({ retried: 1 });
        row = await repo.findOneByOrFail({ to: 'a@example.test' });
        expect(row.nextAttemptAt!.getTime()).toBe(t0 + 60_000 + 120_000);
        expect(await worker.runOnce(new Date(t0 + 180_000))).toMatchObject({ failed: 1 });
        expect(await repo.findOneByOrFail({ to: 'a@example.test' })).toMatchObject({ status: 'failed', attempts: 3, sealed: null });

        // The next message: one more refusal, then accepted on its second attempt.
        await t.app.dataSource.transaction((em) => t.app.mailer.enqueue(em, { to: 'b@example.test', subject: 'Deux', text: 'second' }));
        const t1 = Date.now();
        expect(await worker.runOnce(new Date(t1))).toMatchObject({ retried: 1 });
        expect(await worker.runOnce(new Date(t1 + 60_000))).toMatchObject({ sent: 1 });
        expect(smtp.messages.map((m) => m.to)).toEqual([['b@example.test']]);
      } finally {
        await t.close();
        await smtp.close();
      }
    });

    it('writes nothing when the causing transaction rolls back', async () => {
      const t = await createTestApp({ outbox: false });
      try {
        await expect(
          t.app.dataSource.transaction(async (em) => {
            await t.app.mailer.enqueue(em, { to: 'c@example.test', subject: 'Trois', text: 'x' });
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        expect(await t.app.dataSource.getRepository(OutboxMessage).count()).toBe(0);
      } finally {
        await t.close();
      }
    });

    it('keeps messages (redacted) in the outbox when no SMTP is configured', async () => {
      const t = await createTestApp({ outbox: false });
      try {
        await t.app.dataSource.transaction((em) =>
          t.app.mailer.enqueue(em, { to: 'bob@example.test', subject: 'Lien', text: 'Code : 12345678, lien https://x.test/p?token=abcdef', secrets: ['12345678'] }),
        );
        expect(await t.app.outbox.runOnce()).toMatchObject({ logged: 1 });
        expect(await t.app.dataSource.getRepository(OutboxMessage).findOneByOrFail({ to: 'bob@example.test' })).toMatchObject({
          status: 'logged',
          sealed: null,
          text: 'Code : [masqué], lien https://x.test/p?token=[masqué]',
        });
      } finally {
        await t.close();
      }
    });
  });
});

import { Writable } from 'node:stream';
import pino from 'pino';
import { Profile } from '@comptoir/schema';
import { createDossier, FIXTURE_PASSWORD } from '../../test/fixtures';
import { createTestApp } from '../../test/harness';
import { passwordVerifier } from '../modules/identity/password';

describe('logs', () => {
  it('record each request as one JSON line, without passwords, session tokens or link tokens', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const t = await createTestApp({ logger: pino({ level: 'info' }, sink) });
    try {
      const d = await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true });
      const email = d.as.OWNER!.user.email;
      const base = await t.http();
      const login = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }', variables: { e: email, p: FIXTURE_PASSWORD } }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie') ?? '';
      const token = /comptoir_session=([^;]+)/.exec(cookie)?.[1];
      expect(token).toBeTruthy();
      await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `comptoir_session=${token}` }, body: '{"query":"{ me { user { email } } }"}' });
      await fetch(`${base}/reinitialiser-mot-de-passe?token=link-secret-123`);

      const requests = lines.map((l) => JSON.parse(l) as { msg: string; path?: string; status?: number; reqId?: string }).filter((l) => l.msg === 'request');
      expect(requests.map((r) => r.path)).toEqual(['/graphql', '/graphql', '/reinitialiser-mot-de-passe']);
      expect(requests.every((r) => typeof r.reqId === 'string' && r.reqId.length > 0)).toBe(true);
      const all = lines.join('');
      expect(all).not.toContain(FIXTURE_PASSWORD);
      expect(all).not.toContain(token!);
      expect(all).not.toContain('link-secret-123');
    } finally {
      await t.close();
    }
  });

  it('give each request an id, echoed as x-request-id, on every line; error lines name the user and the dossier', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const t = await createTestApp({ logger: pino({ level: 'info' }, sink) });
    try {
      const d = await createDossier(t, { profiles: [Profile.OWNER], withPasswords: true });
      const base = await t.http();
      const given = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'from-the-proxy-42' }, body: '{"query":"{ __typename }"}' });
      expect(given.headers.get('x-request-id')).toBe('from-the-proxy-42');
      const unsafe = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bad id with spaces!' }, body: '{"query":"{ __typename }"}' });
      expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

      // An internal failure while a logged-in user works: the line names the request, the user and the dossier.
      jest.spyOn(passwordVerifier, 'verify').mockRejectedValueOnce(new Error('argon2 exploded'));
      const token = d.as.OWNER!.client.sessionToken!;
      const failed = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `comptoir_session=${token}`, 'x-request-id': 'req-boom-1' },
        body: JSON.stringify({ query: 'mutation { changePassword(currentPassword: "whatever-1", newPassword: "Another-password-77") }' }),
      });
      expect(((await failed.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      const errorLines = lines.filter((l) => (l.level as number) >= 50);
      expect(errorLines.length).toBeGreaterThan(0);
      for (const line of errorLines) {
        expect(line).toMatchObject({ reqId: 'req-boom-1', userId: d.as.OWNER!.user.id, dossierId: d.dossier.id });
      }
      expect(lines.filter((l) => l.reqId === 'req-boom-1').length).toBeGreaterThanOrEqual(2);
    } finally {
      jest.restoreAllMocks();
      await t.close();
    }
  });
});

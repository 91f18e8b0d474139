import { Writable } from 'node:stream';
import pino from 'pino';
import { Profile } from '@comptoir/schema';
import { createDossier, FIXTURE_PASSWORD } from '../../test/fixtures';
import { createTestApp } from '../../test/harness';

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

      const requests = lines.map((l) => JSON.parse(l) as { msg: string; path?: string; status?: number }).filter((l) => l.msg === 'request');
      expect(requests.map((r) => r.path)).toEqual(['/graphql', '/graphql', '/reinitialiser-mot-de-passe']);
      const all = lines.join('');
      expect(all).not.toContain(FIXTURE_PASSWORD);
      expect(all).not.toContain(token!);
      expect(all).not.toContain('link-secret-123');
    } finally {
      await t.close();
    }
  });
});

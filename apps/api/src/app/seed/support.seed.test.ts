import { createTestApp, type TestApp } from '../../../test/harness';
import { sessionFor } from '../../../test/fixtures';
import { seedIdentity, type DemoIdentity } from './identity.seed';
import { seedSupport } from './support.seed';

describe('demo support requests', () => {
  let t: TestApp;
  let demo: DemoIdentity;
  beforeAll(async () => {
    t = await createTestApp();
    demo = await seedIdentity(t.app);
    await seedSupport(t.app, demo);
  });
  afterAll(() => t.close());

  it('gives Atelier Dupont SARL requests in every status, seen by the owner and in the /admin queue', async () => {
    const owner = await sessionFor(t, demo.owner.id, demo.dossier.id);
    const { supportRequests } = await owner.data<{ supportRequests: { status: string; messages: { side: string }[] }[] }>('{ supportRequests { status messages { side } } }');
    expect(supportRequests.map((r) => r.status).sort()).toEqual(['DONE', 'DONE', 'IN_PROGRESS', 'OPEN', 'OPEN', 'REJECTED']);
    expect(supportRequests.find((r) => r.status === 'IN_PROGRESS')!.messages.map((m) => m.side)).toEqual(['REQUESTER', 'SUPPORT', 'REQUESTER']);
    const support = await sessionFor(t, demo.support.id, null);
    const { adminSupportCounts } = await support.data<{ adminSupportCounts: { status: string; count: number }[] }>('{ adminSupportCounts { status count } }');
    expect(adminSupportCounts).toEqual([
      { status: 'OPEN', count: 2 },
      { status: 'IN_PROGRESS', count: 1 },
      { status: 'DONE', count: 2 },
      { status: 'REJECTED', count: 1 },
    ]);
    // No member changed: the rejected removal and the open requests applied nothing.
    const { dossierUsers } = await owner.data<{ dossierUsers: { members: { email: string }[] } }>('{ dossierUsers { members { email } } }');
    expect(dossierUsers.members).toHaveLength(5);
    expect((await owner.data<{ verifyHistory: { ok: boolean } }>('{ verifyHistory { ok } }')).verifyHistory.ok).toBe(true);
  });
});

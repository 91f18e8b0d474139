import { Profile } from '@comptoir/schema';
import { createDossier } from '../../../test/fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';

describe('colleagues', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the members of the session’s dossier by name, to every profile, and no one else', async () => {
    const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.COMMERCIAL] });
    const other = await createDossier(t, { profiles: [Profile.OWNER] });
    const seen = await d.client(Profile.COMMERCIAL).data<{ colleagues: { id: string; name: string }[] }>('{ colleagues { id name } }');
    expect(seen.colleagues.map((c) => c.id).sort()).toEqual([d.as.OWNER!.user.id, d.as.COMMERCIAL!.user.id].sort());
    expect(seen.colleagues.map((c) => c.id)).not.toContain(other.as.OWNER!.user.id);
  });
});

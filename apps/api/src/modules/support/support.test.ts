import { Plan, Profile, SupportRequestKind, SupportRequestStatus } from '@comptoir/schema';
import { createTestApp, type GraphQLResult, type TestApp, type TestClient } from '../../../test/harness';
import { createDossier, createSupportClient, type FixtureDossier } from '../../../test/fixtures';
import { startSmtpServer } from '../../../test/smtp';
import { AdminAction } from '../admin/admin-action.entity';
import { Membership } from '../identity/membership.entity';
import { User } from '../identity/user.entity';
import { SupportRequest } from './support-request.entity';
import { sqlAudit } from '../../../test/sql-audit';

const REQUEST_FIELDS = `id kind status summary onHold requestedByName assignedToName rejectionReason failureReason closedAt
  payload { memberId memberName newEmail name email profile firmName subject text }
  messages { side authorName text } lastMessage { text }
  history { type fromStatus toStatus label changes { field before after } user { name } }`;
const CREATE = `mutation($input: SupportRequestInput!) { createSupportRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const GET = `query($id: ID!) { supportRequest(id: $id) { ${REQUEST_FIELDS} } }`;
const LIST = `query($s: SupportRequestStatus) { supportRequests(status: $s) { id kind status } }`;
const POST = `mutation($id: ID!, $t: String!) { postSupportMessage(requestId: $id, text: $t) { id messages { side text } } }`;
const ADMIN_FIELDS = `id status assignedToName failureReason failureMessage dossierName plan requestedByEmail
  history { type fromStatus toStatus label changes userName }`;
const PROCESS = `mutation($id: ID!, $m: String) { adminProcessSupportRequest(id: $id, message: $m) { ${ADMIN_FIELDS} } }`;
const REJECT = `mutation($id: ID!, $r: String!) { adminRejectSupportRequest(id: $id, reason: $r) { ${ADMIN_FIELDS} } }`;
const TAKE = `mutation($id: ID!, $f: Boolean) { adminTakeSupportRequest(id: $id, force: $f) { id status assignedToName } }`;
const ANSWER = `mutation($id: ID!, $t: String!) { adminAnswerSupportRequest(id: $id, text: $t) { id status messages { side text } } }`;
const QUEUE = `query($f: AdminSupportFilter) { adminSupportQueue(filter: $f, first: 100) { totalCount nodes { id kind status dossierId createdAt } } adminSupportCounts(filter: $f) { status count } }`;
const ADMIN_GET = `query($id: ID!) { adminSupportRequest(id: $id) { ${ADMIN_FIELDS} dossier { plan seats { seatsAvailable } members { email profile } } } }`;
const USERS = `{ dossierUsers { members { userId email profile } } }`;

interface RequestView {
  id: string;
  kind: string;
  status: string;
  summary: string;
  onHold: boolean;
  assignedToName: string | null;
  rejectionReason: string | null;
  failureReason: string | null;
  closedAt: string | null;
  messages: { side: string; authorName: string; text: string }[];
  history: { type: string; fromStatus: string | null; toStatus: string | null; label: string | null; changes: { field: string; before: string | null; after: string | null }[]; user: { name: string } | null }[];
}

interface AdminView {
  id: string;
  status: string;
  failureReason: string | null;
  failureMessage: string | null;
  history: { type: string; toStatus: string | null; label: string | null; changes: string[]; userName: string | null }[];
}

const errorOf = (r: GraphQLResult) => r.errors?.[0]?.extensions ?? {};

/** A subject as the mail client shows it (RFC 2047 encoded words decoded). */
function subjectOf(mail: { subject: string; raw: string }): string {
  const folded = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(mail.raw)?.[1] ?? mail.subject;
  return folded
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, q: string) =>
      Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

describe('the support desk: requests from the dossier, processed by support', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let agent: { user: User; client: TestClient };
  let colleague: { user: User; client: TestClient };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://comptoir.test' } });
    agent = await createSupportClient(t);
    colleague = await createSupportClient(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const create = async (client: TestClient, input: Record<string, unknown>): Promise<RequestView> =>
    (await client.data<{ createSupportRequest: RequestView }>(CREATE, { input })).createSupportRequest;
  const get = async (client: TestClient, id: string): Promise<RequestView> => (await client.data<{ supportRequest: RequestView }>(GET, { id })).supportRequest;
  const process = async (id: string, m?: string): Promise<AdminView> => (await agent.client.data<{ adminProcessSupportRequest: AdminView }>(PROCESS, { id, m })).adminProcessSupportRequest;
  /**
   * The mails are in the outbox once the change commits; the worker delivers them
   * afterwards. Run one round (it first lets a round in progress finish), so every
   * message already queued has reached the catcher, then take the first one to `to`.
   */
  const delivered = async (to: string) => {
    await t.app.outbox.runOnce();
    return smtp.waitFor(to);
  };
  const mailsTo = (to: string) => smtp.messages.filter((m) => m.to.includes(to.toLowerCase()));
  const actionsFor = (id: string) => t.app.dataSource.getRepository(AdminAction).findBy({ supportRequestId: id });
  const members = async (d: FixtureDossier) =>
    (await d.client(Profile.OWNER).data<{ dossierUsers: { members: { userId: string; email: string; profile: string }[] } }>(USERS)).dossierUsers.members;

  /** The request is DONE, with its history, its AdminAction and the requester told by e-mail. */
  async function expectDone(d: FixtureDossier, id: string, changes: { field: string; before: string | null; after: string | null }[], requester = d.as.OWNER!.user.email): Promise<void> {
    const done = await get(d.client(Profile.OWNER), id);
    expect(done.status).toBe('DONE');
    expect(done.closedAt).toBeTruthy();
    expect(done.assignedToName).toBe('Support');
    expect(done.history.map((h) => [h.type, h.toStatus])).toEqual([
      ['CREATED', null],
      ['STATUS_CHANGED', 'DONE'],
    ]);
    expect(done.history[1].changes).toEqual(changes);
    expect(done.history[1].user?.name).toBe('Support');
    expect(await actionsFor(id)).toHaveLength(1);
    await delivered(requester);
    expect(mailsTo(requester).map(subjectOf)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Demande de support DS-\w+ reçue$/), expect.stringMatching(/^Votre demande DS-\w+ est traitée$/)]),
    );
    // The history chain of the dossier still verifies with the support's entries in it.
    expect((await d.client(Profile.OWNER).data<{ verifyHistory: { ok: boolean } }>('{ verifyHistory { ok } }')).verifyHistory.ok).toBe(true);
  }

  describe('each kind, end to end', () => {
    it('CHANGE_LOGIN_EMAIL: the member logs in with the new address; both addresses are told; support got a notice', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
      const adv = d.as.ADV!.user;
      const request = await create(d.client(Profile.OWNER), { kind: 'CHANGE_LOGIN_EMAIL', changeLoginEmail: { memberId: adv.id, newEmail: ' Nouvelle.Adresse@Example.test ' }, message: 'Merci !' });
      expect(request).toMatchObject({ status: 'OPEN', kind: 'CHANGE_LOGIN_EMAIL', messages: [{ side: 'REQUESTER', text: 'Merci !' }] });
      expect(request.summary).toContain('nouvelle.adresse@example.test');
      const notice = await delivered(agent.user.email);
      expect(subjectOf(notice)).toMatch(/^Nouvelle demande DS-\w+ — /);

      const processed = await process(request.id, 'C’est fait.');
      expect(processed.status).toBe('DONE');
      expect((await members(d)).find((m) => m.userId === adv.id)?.email).toBe('nouvelle.adresse@example.test');
      await delivered('nouvelle.adresse@example.test');
      await delivered(adv.email);
      await expectDone(d, request.id, [{ field: 'email', before: adv.email, after: 'nouvelle.adresse@example.test' }]);
      const owner = await get(d.client(Profile.OWNER), request.id);
      expect(owner.messages.map((m) => [m.side, m.text])).toEqual([
        ['REQUESTER', 'Merci !'],
        ['SUPPORT', 'C’est fait.'],
      ]);
      expect(mailsTo(d.as.OWNER!.user.email).find((m) => subjectOf(m).includes('est traitée'))?.text).toContain('C’est fait.');
    });

    it('ADD_USER: the new member gets the single-use invitation link, never a password', async () => {
      const d = await createDossier(t, { plan: Plan.TPE, extraSeats: 0, profiles: [Profile.OWNER] });
      const request = await create(d.client(Profile.OWNER), { kind: 'ADD_USER', addUser: { name: 'Léa Martin', email: 'lea.add@example.test', phone: '06 12 34 56 78', profile: 'ADV' } });
      expect(request.onHold).toBe(false);
      await process(request.id);
      expect((await members(d)).find((m) => m.email === 'lea.add@example.test')?.profile).toBe('ADV');
      const invitation = await delivered('lea.add@example.test');
      expect(invitation.text).toMatch(/http:\/\/comptoir\.test\/invitation\?token=[\w-]+/);
      expect(invitation.text).not.toMatch(/mot de passe\s*:/i);
      const user = await t.app.dataSource.getRepository(User).findOneByOrFail({ email: 'lea.add@example.test' });
      expect(user.passwordHash).toBeNull();
      await expectDone(d, request.id, [{ field: 'member', before: null, after: 'lea.add@example.test (ADV)' }]);
    });

    it('CHANGE_PROFILE: the member has the new profile', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.COMMERCIAL] });
      const member = d.as.COMMERCIAL!.user;
      const request = await create(d.client(Profile.OWNER), { kind: 'CHANGE_PROFILE', changeProfile: { memberId: member.id, profile: 'ACHAT' } });
      await process(request.id);
      expect((await members(d)).find((m) => m.userId === member.id)?.profile).toBe('ACHAT');
      await expectDone(d, request.id, [{ field: 'profile', before: 'COMMERCIAL', after: 'ACHAT' }]);
    });

    it('REMOVE_USER: the member is gone and their session of the dossier revoked', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ACHAT] });
      const member = d.as.ACHAT!.user;
      const request = await create(d.client(Profile.OWNER), { kind: 'REMOVE_USER', removeUser: { memberId: member.id } });
      await process(request.id);
      expect((await members(d)).map((m) => m.userId)).not.toContain(member.id);
      expect(await d.client(Profile.ACHAT).errorCode('{ suppliers { totalCount } }')).toBe('UNAUTHENTICATED');
      await expectDone(d, request.id, [{ field: 'member', before: `${member.email} (ACHAT)`, after: null }]);
    });

    it('ACCOUNTANT_ACCESS (TPE_PLUS): the accountant joins with the ACCOUNTANT profile, without a seat, and is invited', async () => {
      const d = await createDossier(t, { plan: Plan.TPE_PLUS, extraSeats: 0, profiles: [Profile.OWNER, Profile.ADV] });
      const request = await create(d.client(Profile.ADV), { kind: 'ACCOUNTANT_ACCESS', accountantAccess: { name: 'Nadia Lefèvre', email: 'nadia.acc@example.test', phone: '01 23 45 67 89', firmName: 'Cabinet Lefèvre' } });
      await process(request.id);
      expect((await members(d)).find((m) => m.email === 'nadia.acc@example.test')?.profile).toBe('ACCOUNTANT');
      const invitation = await delivered('nadia.acc@example.test');
      expect(invitation.text).toContain('Cabinet Lefèvre');
      expect(invitation.text).toMatch(/\/invitation\?token=/);
      await expectDone(d, request.id, [{ field: 'member', before: null, after: 'nadia.acc@example.test (ACCOUNTANT)' }], d.as.ADV!.user.email);
    });

    it('OTHER: support answers, then closes it; the requester is mailed each time', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.COMMERCIAL] });
      const commercial = d.as.COMMERCIAL!.user;
      const request = await create(d.client(Profile.COMMERCIAL), { kind: 'OTHER', other: { subject: 'Export PDF', text: 'Comment exporter un devis ?' } });
      const answered = await agent.client.data<{ adminAnswerSupportRequest: { status: string } }>(ANSWER, { id: request.id, t: 'Bouton « PDF » du devis.' });
      expect(answered.adminAnswerSupportRequest.status).toBe('IN_PROGRESS');
      expect(subjectOf(await delivered(commercial.email))).toMatch(/reçue$/);
      await process(request.id, 'Bonne journée.');
      const done = await get(d.client(Profile.COMMERCIAL), request.id);
      expect(done.status).toBe('DONE');
      expect(done.history.map((h) => h.type)).toEqual(['CREATED', 'STATUS_CHANGED', 'ASSIGNED', 'STATUS_CHANGED']);
      await delivered(commercial.email);
      expect(mailsTo(commercial.email).map(subjectOf)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Réponse du support/), expect.stringMatching(/est traitée$/)]),
      );
      expect((await actionsFor(request.id)).map((a) => a.kind)).toEqual(['CLOSE_SUPPORT_REQUEST']);
    });
  });

  describe('who may send what (SPEC.md matrix)', () => {
    it('COMMERCIAL, ACHAT and ACCOUNTANT send and follow their own OTHER only; OWNER and ADV follow all', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV, Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT] });
      const target = d.as.COMMERCIAL!.user.id;
      for (const p of [Profile.COMMERCIAL, Profile.ACHAT, Profile.ACCOUNTANT]) {
        const refused = await d.client(p).exec(CREATE, { input: { kind: 'CHANGE_PROFILE', changeProfile: { memberId: target, profile: 'ADV' } } });
        expect([p, errorOf(refused)]).toEqual([p, expect.objectContaining({ code: 'FORBIDDEN', reason: 'SUPPORT_KIND_NOT_ALLOWED' })]);
      }
      const own = await create(d.client(Profile.ACHAT), { kind: 'OTHER', other: { subject: 'Question achat', text: '?' } });
      const owners = await create(d.client(Profile.OWNER), { kind: 'OTHER', other: { subject: 'Question du gérant', text: '?' } });
      expect((await d.client(Profile.ACHAT).data<{ supportRequests: { id: string }[] }>(LIST)).supportRequests.map((r) => r.id)).toEqual([own.id]);
      expect(await d.client(Profile.ACHAT).errorCode(GET, { id: owners.id })).toBe('NOT_FOUND');
      expect(await d.client(Profile.COMMERCIAL).errorCode(GET, { id: own.id })).toBe('NOT_FOUND');
      expect(await d.client(Profile.COMMERCIAL).errorCode(POST, { id: own.id, t: 'moi aussi' })).toBe('NOT_FOUND');
      const all = (await d.client(Profile.ADV).data<{ supportRequests: { id: string }[] }>(LIST)).supportRequests.map((r) => r.id);
      expect(all).toEqual(expect.arrayContaining([own.id, owners.id]));
    });

    it('ACCOUNTANT_ACCESS needs TPE_PLUS (PLAN_LIMIT, nothing stored)', async () => {
      const d = await createDossier(t, { plan: Plan.TPE });
      const refused = await d.client(Profile.OWNER).exec(CREATE, { input: { kind: 'ACCOUNTANT_ACCESS', accountantAccess: { name: 'N', email: 'acc.tpe@example.test', firmName: 'Cabinet' } } });
      expect(errorOf(refused)).toMatchObject({ code: 'PLAN_LIMIT', reason: 'NO_ACCOUNTANT_ACCESS' });
      expect(await t.app.dataSource.getRepository(SupportRequest).countBy({ dossierId: d.dossier.id })).toBe(0);
    });

    it('refuses to ask for the principal user’s profile or removal (CONFLICT PRINCIPAL_USER)', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
      const principal = d.as.OWNER!.user.id;
      const asked = await d.client(Profile.ADV).exec(CREATE, { input: { kind: 'REMOVE_USER', removeUser: { memberId: principal } } });
      expect(errorOf(asked)).toMatchObject({ code: 'CONFLICT', reason: 'PRINCIPAL_USER', field: 'input.removeUser.memberId' });
    });
  });

  describe('bad input', () => {
    let d: FixtureDossier;
    beforeAll(async () => {
      d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
    });
    it.each([
      ['a bad e-mail', { kind: 'ADD_USER', addUser: { name: 'X', email: 'pas-un-email', profile: 'ADV' } }, 'input.addUser.email'],
      ['a missing name', { kind: 'ADD_USER', addUser: { email: 'x@example.test', profile: 'ADV' } }, 'input.addUser.name'],
      ['the OWNER profile', { kind: 'ADD_USER', addUser: { name: 'X', email: 'x@example.test', profile: 'OWNER' } }, 'input.addUser.profile'],
      ['a bad phone', { kind: 'ACCOUNTANT_ACCESS', accountantAccess: { name: 'X', email: 'x@example.test', phone: 'appelez-moi', firmName: 'C' } }, 'input.accountantAccess.phone'],
      ['no payload', { kind: 'CHANGE_PROFILE' }, 'input.changeProfile'],
      ['the payload of another kind', { kind: 'OTHER', other: { subject: 'S', text: 'T' }, addUser: { name: 'X', email: 'x@example.test', profile: 'ADV' } }, 'input.addUser'],
      ['a subject too long', { kind: 'OTHER', other: { subject: 'x'.repeat(161), text: 'T' } }, 'input.other.subject'],
      ['a control character', { kind: 'OTHER', other: { subject: 'S', text: 'a\u0007b' } }, 'input.other.text'],
      ['a message too long', { kind: 'OTHER', other: { subject: 'S', text: 'T' }, message: 'x'.repeat(4001) }, 'input.message'],
    ])('%s answers BAD_USER_INPUT naming the field, and stores nothing', async (_, input, field) => {
      const result = await d.client(Profile.OWNER).exec(CREATE, { input });
      expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await t.app.dataSource.getRepository(SupportRequest).countBy({ dossierId: d.dossier.id })).toBe(0);
    });

    it('a member of another dossier is NOT_FOUND; a thread message too long is BAD_USER_INPUT (text)', async () => {
      const other = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
      const foreign = await d.client(Profile.OWNER).exec(CREATE, { input: { kind: 'CHANGE_PROFILE', changeProfile: { memberId: other.as.ADV!.user.id, profile: 'ACHAT' } } });
      expect(errorOf(foreign).code).toBe('NOT_FOUND');
      const request = await create(d.client(Profile.OWNER), { kind: 'OTHER', other: { subject: 'S', text: 'T' } });
      expect(errorOf(await d.client(Profile.OWNER).exec(POST, { id: request.id, t: 'x'.repeat(4001) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      expect(errorOf(await agent.client.exec(REJECT, { id: request.id, r: '  ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    });
  });

  describe('rejection and failures change nothing', () => {
    it('a rejected request changes nothing; the reason reaches the requester; it cannot be processed afterwards', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.COMMERCIAL] });
      const member = d.as.COMMERCIAL!.user.id;
      const request = await create(d.client(Profile.OWNER), { kind: 'CHANGE_PROFILE', changeProfile: { memberId: member, profile: 'ADV' } });
      const rejected = (await agent.client.data<{ adminRejectSupportRequest: AdminView }>(REJECT, { id: request.id, r: 'Merci de confirmer par écrit.' })).adminRejectSupportRequest;
      expect(rejected.status).toBe('REJECTED');
      expect(errorOf(await agent.client.exec(PROCESS, { id: request.id }))).toMatchObject({ code: 'CONFLICT', reason: 'REQUEST_CLOSED', status: 'REJECTED' });
      expect((await members(d)).find((m) => m.userId === member)?.profile).toBe('COMMERCIAL');
      const seen = await get(d.client(Profile.OWNER), request.id);
      expect(seen).toMatchObject({ status: 'REJECTED', rejectionReason: 'Merci de confirmer par écrit.' });
      expect(seen.history.at(-1)).toMatchObject({ type: 'STATUS_CHANGED', toStatus: 'REJECTED', label: 'Merci de confirmer par écrit.' });
      expect((await actionsFor(request.id)).map((a) => a.kind)).toEqual(['REJECT_SUPPORT_REQUEST']);
      await delivered(d.as.OWNER!.user.email);
      const mail = mailsTo(d.as.OWNER!.user.email).find((m) => /pas pu être acceptée/.test(subjectOf(m)));
      expect(mail?.text).toContain('Motif : Merci de confirmer par écrit.');
      expect(errorOf(await d.client(Profile.OWNER).exec(POST, { id: request.id, t: 'Et maintenant ?' }))).toMatchObject({ code: 'CONFLICT', reason: 'REQUEST_CLOSED' });
    });

    it('an address taken meanwhile: CONFLICT EMAIL_TAKEN, the request stays open with the reason, nothing applied', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER, Profile.ADV] });
      const adv = d.as.ADV!.user;
      const request = await create(d.client(Profile.OWNER), { kind: 'CHANGE_LOGIN_EMAIL', changeLoginEmail: { memberId: adv.id, newEmail: 'prise.entre.temps@example.test' } });
      await createDossier(t, { profiles: [Profile.OWNER] }).then((x) =>
        t.app.dataSource.getRepository(User).update({ id: x.as.OWNER!.user.id }, { email: 'prise.entre.temps@example.test' }),
      );
      const failed = await agent.client.exec(PROCESS, { id: request.id });
      expect(errorOf(failed)).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
      const view = (await agent.client.data<{ adminSupportRequest: AdminView }>(ADMIN_GET, { id: request.id })).adminSupportRequest;
      expect(view).toMatchObject({ status: 'OPEN', failureReason: 'EMAIL_TAKEN' });
      expect(view.failureMessage).toContain('prise.entre.temps@example.test');
      expect(view.history.map((h) => h.type)).toEqual(['CREATED', 'PROCESSING_FAILED']);
      expect((await t.app.dataSource.getRepository(User).findOneByOrFail({ id: adv.id })).email).toBe(adv.email);
      expect(await actionsFor(request.id)).toEqual([]);
    });

    it('no free seat any more: PLAN_LIMIT NO_FREE_SEAT, request open, no user created', async () => {
      const d = await createDossier(t, { plan: Plan.TPE, extraSeats: 0, profiles: [Profile.OWNER] });
      const request = await create(d.client(Profile.OWNER), { kind: 'ADD_USER', addUser: { name: 'Tard', email: 'trop.tard@example.test', profile: 'COMMERCIAL' } });
      await agent.client.data(`mutation($d: ID!) { adminAddUser(dossierId: $d, input: { email: "premier@example.test", name: "P", profile: ACHAT }) { userId } }`, { d: d.dossier.id });
      expect(errorOf(await agent.client.exec(PROCESS, { id: request.id }))).toMatchObject({ code: 'PLAN_LIMIT', reason: 'NO_SEAT_LEFT' });
      expect((await t.app.dataSource.getRepository(SupportRequest).findOneByOrFail({ id: request.id, dossierId: d.dossier.id })).status).toBe('OPEN');
      expect(await t.app.dataSource.getRepository(User).countBy({ email: 'trop.tard@example.test' })).toBe(0);
    });

    it('the principal user: CONFLICT PRINCIPAL_USER, the OWNER stays', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER] });
      const owner = d.as.OWNER!.user;
      // A request the API refuses to take today; stored as an older version would have.
      const repo = t.app.dataSource.getRepository(SupportRequest);
      const now = new Date();
      const row = await sqlAudit.exempt('stores a request as an older version would have, behind the API', () =>
        repo.save(
        repo.create({
          dossierId: d.dossier.id, kind: SupportRequestKind.CHANGE_PROFILE, status: SupportRequestStatus.OPEN, requestedById: owner.id,
          payload: { memberId: owner.id, memberName: owner.name, memberEmail: owner.email, memberProfile: 'OWNER', profile: 'ADV' },
          assignedToId: null, assignedAt: null, heldBySeatOrderId: null, lastMessageAt: now, closedAt: null, closedById: null,
          rejectionReason: null, failureMessage: null, failureReason: null, failedAt: null,
        }),
      ),
      );
      expect(errorOf(await agent.client.exec(PROCESS, { id: row.id }))).toMatchObject({ code: 'CONFLICT', reason: 'PRINCIPAL_USER' });
      expect((await repo.findOneByOrFail({ id: row.id, dossierId: d.dossier.id })).failureReason).toBe('PRINCIPAL_USER');
      expect((await t.app.dataSource.getRepository(Membership).findOneByOrFail({ userId: owner.id, dossierId: d.dossier.id })).profile).toBe('OWNER');
    });
  });

  describe('seats', () => {
    it('ADD_USER without a free seat is PLAN_LIMIT; with a seat order awaiting payment it is held, then released when paid', async () => {
      const d = await createDossier(t, { plan: Plan.TPE, extraSeats: 0, profiles: [Profile.OWNER, Profile.ADV] });
      const owner = d.client(Profile.OWNER);
      const input = { kind: 'ADD_USER', addUser: { name: 'Troisième', email: 'troisieme@example.test', profile: 'COMMERCIAL' } };
      expect(errorOf(await owner.exec(CREATE, { input }))).toMatchObject({ code: 'PLAN_LIMIT', reason: 'NO_SEAT_LEFT', canOrderSeats: true });

      const order = (await owner.data<{ orderSeats: { id: string } }>('mutation { orderSeats(quantity: 1) { id } }')).orderSeats;
      const held = await create(owner, input);
      expect(held.onHold).toBe(true);
      // The one pending seat is promised: a second request is refused.
      expect(errorOf(await owner.exec(CREATE, { input: { kind: 'ADD_USER', addUser: { name: 'Q', email: 'quatrieme@example.test', profile: 'ACHAT' } } })).reason).toBe('NO_SEAT_LEFT');
      expect(errorOf(await agent.client.exec(PROCESS, { id: held.id }))).toMatchObject({ code: 'PLAN_LIMIT', reason: 'HELD_UNTIL_PAID' });

      await agent.client.data('mutation($o: ID!) { adminMarkSeatOrderPaid(orderId: $o) { status } }', { o: order.id });
      const released = await get(owner, held.id);
      expect(released.onHold).toBe(false);
      expect(released.history.at(-1)).toMatchObject({ type: 'UPDATED', changes: [{ field: 'onHold', before: 'true', after: 'false' }] });
      await process(held.id);
      expect((await members(d)).map((m) => m.email)).toContain('troisieme@example.test');
    });
  });

  describe('the queue', () => {
    it('filters by status, kind, plan and age, counts per status, oldest first; take charge conflicts between agents', async () => {
      const d = await createDossier(t, { plan: Plan.SOLO, profiles: [Profile.OWNER] });
      const first = await create(d.client(Profile.OWNER), { kind: 'OTHER', other: { subject: 'Un', text: '1' } });
      const second = await create(d.client(Profile.OWNER), { kind: 'OTHER', other: { subject: 'Deux', text: '2' } });
      const third = await create(d.client(Profile.OWNER), { kind: 'OTHER', other: { subject: 'Trois', text: '3' } });
      await agent.client.data(TAKE, { id: second.id });
      expect(errorOf(await colleague.client.exec(TAKE, { id: second.id }))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ASSIGNED', assignedTo: 'Support' });
      await agent.client.data(REJECT, { id: third.id, r: 'Doublon' });

      type Queue = { adminSupportQueue: { totalCount: number; nodes: { id: string; status: string }[] }; adminSupportCounts: { status: string; count: number }[] };
      const q = (f: Record<string, unknown>) => agent.client.data<Queue>(QUEUE, { f: { dossierId: d.dossier.id, ...f } });
      const open = await q({});
      expect(open.adminSupportQueue.nodes.map((n) => n.id)).toEqual([first.id, second.id]);
      expect(open.adminSupportCounts).toEqual([
        { status: 'OPEN', count: 1 },
        { status: 'IN_PROGRESS', count: 1 },
        { status: 'DONE', count: 0 },
        { status: 'REJECTED', count: 1 },
      ]);
      expect((await q({ statuses: ['REJECTED'] })).adminSupportQueue.nodes.map((n) => n.id)).toEqual([third.id]);
      expect((await q({ kind: 'ADD_USER' })).adminSupportQueue.totalCount).toBe(0);
      expect((await q({ plan: 'SOLO' })).adminSupportQueue.totalCount).toBe(2);
      expect((await q({ plan: 'TPE' })).adminSupportQueue.totalCount).toBe(0);
      expect((await q({ olderThanHours: 1 })).adminSupportQueue.totalCount).toBe(0);
      expect((await q({ mine: true })).adminSupportQueue.nodes.map((n) => n.id)).toEqual([second.id]);

      const context = (await agent.client.data<{ adminSupportRequest: { dossier: { plan: string; members: { profile: string }[] } } }>(ADMIN_GET, { id: first.id })).adminSupportRequest;
      expect(context.dossier).toMatchObject({ plan: 'SOLO', members: [{ profile: 'OWNER' }] });
      const taken = (await colleague.client.data<{ adminTakeSupportRequest: { assignedToName: string } }>(TAKE, { id: second.id, f: true })).adminTakeSupportRequest;
      expect(taken.assignedToName).toBe('Support');
    });

    it('is the support team’s only (FORBIDDEN to every profile, UNAUTHENTICATED anonymous)', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER] });
      expect(await d.client(Profile.OWNER).errorCode(QUEUE, {})).toBe('FORBIDDEN');
      expect(await t.client().errorCode(QUEUE, {})).toBe('UNAUTHENTICATED');
    });
  });

  describe('the thread', () => {
    it('the requester writes; the agent in charge is told; the request’s last message follows', async () => {
      const d = await createDossier(t, { profiles: [Profile.OWNER] });
      const request = await create(d.client(Profile.OWNER), { kind: 'OTHER', other: { subject: 'Fil', text: 'Bonjour' } });
      await colleague.client.data(TAKE, { id: request.id });
      await t.app.outbox.runOnce(); // the notice of the new request is out before counting
      const before = mailsTo(colleague.user.email).length;
      await d.client(Profile.OWNER).data(POST, { id: request.id, t: 'Une précision <b>importante</b>' });
      const view = await get(d.client(Profile.OWNER), request.id);
      expect(view.messages.at(-1)).toMatchObject({ side: 'REQUESTER', text: 'Une précision <b>importante</b>' });
      await delivered(colleague.user.email);
      expect(mailsTo(colleague.user.email)).toHaveLength(before + 1);
      expect(mailsTo(colleague.user.email).at(-1)?.text).toContain('Une précision <b>importante</b>');
    });
  });

  describe('concurrency', () => {
    it('two agents process the same request at once: one applies, the other gets CONFLICT', async () => {
      const d = await createDossier(t, { plan: Plan.TPE, extraSeats: 3, profiles: [Profile.OWNER] });
      const request = await create(d.client(Profile.OWNER), { kind: 'ADD_USER', addUser: { name: 'Concurrent', email: 'concurrent@example.test', profile: 'ADV' } });
      const results = await Promise.all([agent.client.exec(PROCESS, { id: request.id }), colleague.client.exec(PROCESS, { id: request.id })]);
      const codes = results.map((r) => (r.errors ? errorOf(r).code : 'OK')).sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect(results.find((r) => r.errors)!.errors![0].extensions).toMatchObject({ reason: 'REQUEST_CLOSED', status: 'DONE' });
      expect(await t.app.dataSource.getRepository(Membership).countBy({ dossierId: d.dossier.id })).toBe(2);
      expect(await actionsFor(request.id)).toHaveLength(1);
      expect(await t.app.dataSource.getRepository(User).countBy({ email: 'concurrent@example.test' })).toBe(1);
      const done = await get(d.client(Profile.OWNER), request.id);
      expect(done.history.filter((h) => h.toStatus === 'DONE')).toHaveLength(1);
      expect(done.history.filter((h) => h.type === 'PROCESSING_FAILED')).toHaveLength(0);
    });
  });
});

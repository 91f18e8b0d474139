import { PaymentTerms } from '@comptoir/schema';
import type { RequestContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { decodeCursor, encodeCursor, pageSize, type Page } from '../../core/pagination';
import { clock } from '../../core/clock';
import { HistoryEntityType, HistoryEntryType } from '../history/history-entry.entity';
import { recordHistory } from '../history/history.service';
import { intInRange, optionalDigits, optionalEmail, optionalText, requiredText } from '../../core/input-validation';
import { changedFields, loadExpected, updateVersioned } from '../history/tracked';
import { Customer, Supplier, type PartyRecord } from './party.entity';
import type { PartyInput, PartyListArgs } from './party.types';

export type PartyKind = 'CUSTOMER' | 'SUPPLIER';

const ENTITY = { CUSTOMER: Customer, SUPPLIER: Supplier } as const;
const LABEL = { CUSTOMER: 'Customer', SUPPLIER: 'Supplier' } as const;
const HISTORY = { CUSTOMER: HistoryEntityType.CUSTOMER, SUPPLIER: HistoryEntityType.SUPPLIER } as const;

export const PARTY_FIELDS = [
  'legalName',
  'siren',
  'siret',
  'vatNumber',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
  'contactName',
  'contactEmail',
  'contactPhone',
  'paymentTermsDays',
  'paymentTerms',
  'billingEmail',
  'notes',
] as const;

type PartyValues = Pick<PartyRecord, (typeof PARTY_FIELDS)[number]>;

/** Validated, normalized values of a party input; BAD_USER_INPUT with the field path otherwise. */
export function validatePartyInput(input: PartyInput, path = 'input', defaultTerms = 30): PartyValues {
  const siren = optionalDigits(input.siren, `${path}.siren`, 9);
  const siret = optionalDigits(input.siret, `${path}.siret`, 14);
  if (siren && siret && !siret.startsWith(siren)) throw badInput('SIRET_SIREN_MISMATCH', 'The SIRET must start with the SIREN', `${path}.siret`);
  const vatNumber = optionalText(input.vatNumber?.replace(/\s+/g, '').toUpperCase(), `${path}.vatNumber`, 20);
  if (vatNumber && !/^[A-Z]{2}[0-9A-Z]{2,13}$/.test(vatNumber)) throw badInput('INVALID_VAT_NUMBER', 'vatNumber is not a VAT number', `${path}.vatNumber`);
  const country = (optionalText(input.country, `${path}.country`, 2) ?? 'FR').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw badInput('INVALID_COUNTRY', 'country must be a two-letter ISO code', `${path}.country`);
  return {
    legalName: requiredText(input.legalName, `${path}.legalName`, 160),
    siren: siren ?? (siret ? siret.slice(0, 9) : null),
    siret,
    vatNumber,
    addressLine1: optionalText(input.addressLine1, `${path}.addressLine1`, 200),
    addressLine2: optionalText(input.addressLine2, `${path}.addressLine2`, 200),
    postalCode: optionalText(input.postalCode, `${path}.postalCode`, 10),
    city: optionalText(input.city, `${path}.city`, 100),
    country,
    contactName: optionalText(input.contactName, `${path}.contactName`, 120),
    contactEmail: optionalEmail(input.contactEmail, `${path}.contactEmail`),
    contactPhone: optionalText(input.contactPhone, `${path}.contactPhone`, 40),
    paymentTermsDays: intInRange(input.paymentTermsDays, `${path}.paymentTermsDays`, 0, 365, defaultTerms),
    paymentTerms: input.paymentTerms && (Object.values(PaymentTerms) as string[]).includes(input.paymentTerms) ? input.paymentTerms : null,
    billingEmail: optionalEmail(input.billingEmail, `${path}.billingEmail`),
    notes: optionalText(input.notes, `${path}.notes`, 2000),
  };
}

export async function createParty(ctx: RequestContext, kind: PartyKind, input: PartyInput): Promise<PartyRecord> {
  const values = validatePartyInput(input);
  return ctx.transaction(async (tx) => {
    const now = clock.now();
    const repo = tx.scoped<PartyRecord>(ENTITY[kind], LABEL[kind]);
    const party = repo.create({ ...values, version: 1, createdById: tx.userId, updatedById: tx.userId, createdAt: now, updatedAt: now });
    await repo.insert(party);
    await recordHistory(tx, {
      entityType: HISTORY[kind],
      entityId: party.id,
      type: HistoryEntryType.CREATED,
      data: { label: party.legalName },
    });
    return party;
  });
}

export async function updateParty(ctx: RequestContext, kind: PartyKind, id: string, version: number, input: PartyInput): Promise<PartyRecord> {
  const values = validatePartyInput(input);
  return ctx.transaction(async (tx) => {
    const repo = tx.scoped<PartyRecord>(ENTITY[kind], LABEL[kind]);
    const party = await loadExpected(tx, repo, LABEL[kind], id, version);
    const changes = changedFields(PARTY_FIELDS, { ...party }, { ...values });
    if (changes.length === 0) return party;
    await updateVersioned<PartyRecord>(tx, ENTITY[kind], LABEL[kind], party, version, values);
    await recordHistory(tx, { entityType: HISTORY[kind], entityId: party.id, type: HistoryEntryType.UPDATED, data: { changes } });
    return party;
  });
}

export function getParty(ctx: RequestContext, kind: PartyKind, id: string): Promise<PartyRecord> {
  return ctx.scoped<PartyRecord>(ENTITY[kind], LABEL[kind]).get(id);
}

/** Parties by legal name (then id), keyset-paginated, optionally searched. */
export async function listParties(ctx: RequestContext, kind: PartyKind, args: PartyListArgs): Promise<Page<PartyRecord>> {
  const size = pageSize(args);
  const after = decodeCursor(args.after, 2);
  const q = ctx.scoped<PartyRecord>(ENTITY[kind], LABEL[kind]).query('p');
  const search = optionalText(args.search, 'search', 100);
  if (search) {
    const like = `%${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
    q.andWhere(
      "(p.legalName LIKE :like ESCAPE '!' OR p.siren LIKE :like ESCAPE '!' OR p.city LIKE :like ESCAPE '!' OR p.contactName LIKE :like ESCAPE '!')",
      { like },
    );
  }
  const totalCount = await q.getCount();
  if (after) {
    q.andWhere('(p.legalName > :afterName OR (p.legalName = :afterName AND p.id > :afterId))', {
      afterName: String(after[0]),
      afterId: String(after[1]),
    });
  }
  const rows = await q.orderBy('p.legalName', 'ASC').addOrderBy('p.id', 'ASC').take(size + 1).getMany();
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor([last.legalName, last.id]) : null },
  };
}

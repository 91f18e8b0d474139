import { DocumentType, PaymentMethod, Profile } from '@comptoir/schema';
import { recordPayment } from '../../modules/payments/payment.service';
import { RequestContext, type AppServices } from '../../core/context';
import { MemoryCookieJar } from '../../core/cookies';
import { createArticle } from '../../modules/articles/article.service';
import type { Article } from '../../modules/articles/article.entity';
import type { Document } from '../../modules/documents/document.entity';
import { DocumentStatus } from '../../modules/documents/document.entity';
import {
  changeDocumentStatus,
  convertDocument,
  createCreditNoteFromInvoice,
  createDocument,
  duplicateDocument,
  issueDocument,
  sendDocument,
  updateDocument,
} from '../../modules/documents/document.service';
import type { DocumentLineInput } from '../../modules/documents/document.types';
import { clock, isoDay, withClock } from '../../core/clock';
import type { User } from '../../modules/identity/user.entity';
import { createParty } from '../../modules/parties/party.service';
import type { PartyRecord } from '../../modules/parties/party.entity';
import { percentOf } from '../../core/money';
import { renderPdfJob } from '../../modules/pdf/pdf.service';
import type { DemoIdentity } from './identity.seed';

/** Deterministic PRNG (mulberry32): the same demo data on every install. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

const CUSTOMERS: [string, string, string, string][] = [
  ['Boulangerie Martin', '69002', 'Lyon', '41234567800017'],
  ['Garage Lefèvre et Fils', '69100', 'Villeurbanne', '38765432100028'],
  ['Pharmacie du Parc', '69006', 'Lyon', '52345678900011'],
  ['Hôtel Les Tilleuls', '38000', 'Grenoble', '44455566600034'],
  ['Cabinet Moreau Architectes', '69003', 'Lyon', '79812345600019'],
  ['Fromagerie Vidal', '73000', 'Chambéry', '51122233300045'],
  ['Restaurant Le Bouchon Doré', '69005', 'Lyon', '83311122200016'],
  ['Mairie de Caluire', '69300', 'Caluire-et-Cuire', '21690034100013'],
  ['SCI Les Terrasses', '69004', 'Lyon', '90122233300024'],
  ['Librairie Gaspard', '42000', 'Saint-Étienne', '48899900000031'],
];

const SUPPLIERS: [string, string, string][] = [
  ['Bois du Jura SAS', '39000', 'Lons-le-Saunier'],
  ['Quincaillerie Rhodanienne', '69007', 'Lyon'],
  ['Métaux Dauphiné', '38100', 'Grenoble'],
  ['Vernis & Finitions Dubois', '01000', 'Bourg-en-Bresse'],
  ['Transports Girard', '69800', 'Saint-Priest'],
];

/** reference, label, unit, sale price (cents), purchase price (cents), VAT rate */
const ARTICLES: [string, string, string, number, number | null, number][] = [
  ['MEN-001', 'Étagère chêne massif 120 cm', 'u', 18_900, 9_800, 20],
  ['MEN-002', 'Table de réunion noyer 8 places', 'u', 249_000, 131_000, 20],
  ['MEN-003', 'Comptoir d’accueil sur mesure', 'u', 420_000, 198_000, 20],
  ['MEN-004', 'Placard coulissant 2 portes', 'u', 136_500, 71_200, 20],
  ['MEN-005', 'Banc en frêne 180 cm', 'u', 42_000, 19_500, 20],
  ['MEN-006', 'Bibliothèque murale sur mesure', 'm', 58_000, 26_800, 20],
  ['AGE-001', 'Parquet chêne posé', 'm²', 8_900, 4_100, 10],
  ['AGE-002', 'Lambris pin traité', 'm²', 4_650, 2_050, 10],
  ['AGE-003', 'Escalier quart tournant hêtre', 'u', 520_000, 265_000, 10],
  ['AGE-004', 'Garde-corps bois et inox', 'm', 31_500, 15_200, 10],
  ['REN-001', 'Rénovation énergétique : isolation fibre de bois', 'm²', 6_200, 2_900, 5.5],
  ['REN-002', 'Fenêtre bois double vitrage', 'u', 98_000, 51_000, 5.5],
  ['SER-001', 'Main-d’œuvre menuisier', 'h', 5_200, null, 20],
  ['SER-002', 'Déplacement et livraison', 'u', 6_500, 3_000, 20],
  ['SER-003', 'Étude et plans 3D', 'u', 35_000, null, 20],
  ['SER-004', 'Dépose et évacuation de l’existant', 'h', 4_500, null, 10],
  ['FOU-001', 'Vernis mat écologique 5 L', 'u', 8_900, 4_300, 20],
  ['FOU-002', 'Huile dure pour plan de travail 1 L', 'u', 3_450, 1_600, 20],
  ['FOU-003', 'Quincaillerie de fixation (lot)', 'u', 2_400, 900, 20],
  ['FOU-004', 'Panneau contreplaqué bouleau 18 mm', 'u', 7_900, 4_200, 20],
];

const SUBJECTS = ['Agencement boutique', 'Cuisine sur mesure', 'Rénovation bureau', 'Mobilier salle de réunion', 'Escalier et garde-corps', 'Isolation combles', 'Bibliothèque séjour'];

function contextFor(app: AppServices, identity: DemoIdentity, user: User, profile: Profile): RequestContext {
  return new RequestContext(
    app,
    { sessionId: 'seed', userId: user.id, email: user.email, name: user.name, dossierId: identity.dossier.id, profile, platformRole: null },
    { requestId: 'seed', ip: null, userAgent: 'seed' },
    new MemoryCookieJar(),
  );
}

/**
 * Customers, suppliers, articles and a few dozen documents of every type over the
 * last six months, each written through the services by the member who did it
 * (so createdBy/updatedBy and the history are real, hash chain included).
 */
export async function seedDocuments(app: AppServices, identity: DemoIdentity): Promise<{ documents: number }> {
  const rand = prng(20260415);
  const members = identity.members ?? ({} as Partial<Record<Profile, User>>);
  const as = (profile: Profile) => contextFor(app, identity, members[profile] ?? identity.owner, members[profile] ? profile : Profile.OWNER);
  const owner = as(Profile.OWNER);
  const adv = as(Profile.ADV);
  const commercial = as(Profile.COMMERCIAL);
  const achat = as(Profile.ACHAT);

  // The clock walks forward from six months ago, so numbers follow dates.
  const start = Date.now() - 182 * 86_400_000;
  let clockAt = start;
  const step = async <T>(work: () => Promise<T>, minHours = 2, maxHours = 60): Promise<T> => {
    clockAt += rand.int(minHours, maxHours) * 3_600_000 + rand.int(0, 3_599) * 1000;
    clockAt = Math.min(clockAt, Date.now() - 60_000);
    return withClock(new Date(clockAt), work);
  };

  // Issuing queues the PDF's job; the demo stores it at once, on the demo's clock.
  const issueWithPdf = async (ctx: RequestContext, id: string, version: number) => {
    const doc = await issueDocument(ctx, id, version);
    await renderPdfJob(ctx, doc.id, async () => undefined);
    return doc;
  };

  const customers: PartyRecord[] = [];
  for (const [i, [name, postalCode, city, siret]] of CUSTOMERS.entries()) {
    const ctx = i % 3 === 0 ? commercial : i % 3 === 1 ? adv : owner;
    customers.push(
      await step(() =>
        createParty(ctx, 'CUSTOMER', {
          legalName: name,
          siret,
          vatNumber: `FR${String(10 + i)}${siret.slice(0, 9)}`,
          addressLine1: `${rand.int(1, 120)} rue ${rand.pick(['de la République', 'Victor Hugo', 'des Capucins', 'Garibaldi', 'Paul Bert'])}`,
          postalCode,
          city,
          contactName: rand.pick(['Marie Lambert', 'Julien Roche', 'Sophie Garnier', 'Thomas Blanc', 'Nadia Benali']),
          contactEmail: `contact@${name.toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')}.fr`,
          paymentTermsDays: rand.pick([30, 30, 45, 60]),
        }),
      ),
    );
  }
  const suppliers: PartyRecord[] = [];
  for (const [name, postalCode, city] of SUPPLIERS) {
    suppliers.push(await step(() => createParty(achat, 'SUPPLIER', { legalName: name, postalCode, city, paymentTermsDays: 30 })));
  }
  const articles: Article[] = [];
  for (const [i, [reference, label, unit, sale, purchase, vat]] of ARTICLES.entries()) {
    articles.push(
      await step(() => createArticle(i % 2 ? adv : owner, { reference, label, unit, salePriceCents: sale, purchasePriceCents: purchase, vatRate: String(vat) }), 1, 4),
    );
  }

  const linesFor = (count: number, purchase = false): DocumentLineInput[] =>
    Array.from({ length: count }, () => {
      const article = rand.pick(articles);
      const price = purchase ? (article.purchasePriceCents ?? Math.round(article.salePriceCents / 2)) : article.salePriceCents;
      return {
        articleId: article.id,
        description: article.label,
        quantity: String(article.unit === 'm²' || article.unit === 'h' ? rand.int(2, 40) + rand.pick([0, 0.5, 0.25]) : rand.int(1, 6)),
        unit: article.unit,
        unitPriceCents: price,
        discountPercent: String(rand.chance(0.25) ? rand.pick([5, 10, 12.5]) : 0),
        vatRate: percentOf(article.vatRateBp),
      };
    });

  let count = 0;
  const made = <T extends Document>(doc: T) => {
    count++;
    return doc;
  };

  // Sales: quotes by the commercial, reworked, converted and issued by ADV, paid by the owner.
  for (let i = 0; i < 18; i++) {
    const customer = rand.pick(customers);
    let quote = made(await step(() => createDocument(commercial, DocumentType.QUOTE, { partyId: customer.id, subject: rand.pick(SUBJECTS), lines: linesFor(rand.int(1, 5)) })));
    if (rand.chance(0.5)) {
      const input = { partyId: customer.id, subject: quote.subject, lines: linesFor(rand.int(2, 6)) };
      quote = await step(() => updateDocument(adv, quote.id, quote.version, input));
    }
    if (i % 6 === 5) continue; // stays a draft
    quote = await step(() => sendDocument(rand.chance(0.7) ? commercial : adv, quote.id, quote.version));
    if (i % 6 === 4) {
      await step(() => changeDocumentStatus(commercial, quote.id, quote.version, DocumentStatus.REFUSED));
      continue;
    }
    if (i % 6 === 3) {
      await step(() => changeDocumentStatus(commercial, quote.id, quote.version, DocumentStatus.ACCEPTED));
      continue;
    }
    let invoice = made(await step(() => convertDocument(rand.chance(0.7) ? adv : owner, quote.id, quote.version, DocumentType.QUOTE), 24, 120));
    if (i % 6 === 2) continue; // converted, invoice still a draft
    invoice = await step(() => issueWithPdf(adv, invoice.id, invoice.version), 4, 48);
    if (rand.chance(0.6)) {
      const paid = invoice;
      const method = i % 3 === 0 ? PaymentMethod.CHECK : PaymentMethod.TRANSFER;
      // Most invoices are paid in full, some only half (partially paid); no extra draw
      // from `rand` here, so the rest of the demo data stays what it was.
      const first = i % 4 === 1 ? Math.floor(paid.totalInclVatCents / 2) : paid.totalInclVatCents;
      invoice = await step(() => recordPayment(owner, { invoiceId: paid.id, amountCents: first, date: isoDay(clock.now()), method, reference: null }), 72, 400);
    }
    if (i === 7) {
      const credit = made(await step(() => createCreditNoteFromInvoice(adv, invoice.id, null), 24, 96));
      await step(() => issueWithPdf(adv, credit.id, credit.version));
    }
  }
  // A direct invoice and its duplicate, by ADV.
  const direct = made(await step(() => createDocument(adv, DocumentType.INVOICE, { partyId: customers[2].id, subject: 'Entretien annuel', lines: linesFor(2) })));
  const issuedDirect = await step(() => issueWithPdf(adv, direct.id, direct.version));
  made(await step(() => duplicateDocument(owner, issuedDirect.id)));

  // Purchases: price requests by ACHAT, some converted to orders, sent, received or cancelled.
  for (let i = 0; i < 12; i++) {
    const supplier = rand.pick(suppliers);
    let request = made(await step(() => createDocument(achat, DocumentType.PRICE_REQUEST, { partyId: supplier.id, subject: 'Approvisionnement atelier', lines: linesFor(rand.int(1, 4), true) })));
    if (i % 4 === 3) continue;
    request = await step(() => sendDocument(achat, request.id, request.version));
    if (i % 4 === 2) {
      await step(() => changeDocumentStatus(achat, request.id, request.version, DocumentStatus.CLOSED));
      continue;
    }
    let order = made(await step(() => convertDocument(i % 3 === 0 ? adv : achat, request.id, request.version, DocumentType.PRICE_REQUEST), 24, 96));
    if (i % 4 === 1) continue;
    order = await step(() => sendDocument(achat, order.id, order.version));
    await step(() => changeDocumentStatus(achat, order.id, order.version, rand.chance(0.8) ? DocumentStatus.RECEIVED : DocumentStatus.CANCELLED), 48, 200);
  }
  return { documents: count };
}

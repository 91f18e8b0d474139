import { DocumentType } from '@comptoir/schema';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../core/context';
import { selectedFields } from '../../core/selection';
import { userSummaryLoader } from '../identity/user-summary.type';
import { HistoryEntityType } from '../history/history-entry.entity';
import { historyKey, historyLoader } from '../history/history.types';
import { assertDocumentAccess, mayAccess } from './document-access';
import { Document, DocumentStatus } from './document.entity';
import { creditedLoader, derivedDocumentsLoader, documentLinesLoader, documentLoader } from './document.loaders';
import { getDocument } from './document.service';

/**
 * One document as the `document(id)` query answers it, with what its selection shows of
 * other tables loaded before the field resolvers run, one batch per relation (as a list
 * page does): the resolvers then hit the loaders' cache. Left to them, the source document,
 * its history and that history's users, one level deeper in the query, batched apart from
 * the document's own: the SPA's page of a converted invoice took 10 statements, issue 14's
 * budget is 6. Now: session; the document with its source and its derived documents (one
 * statement); lines, both histories and the credited quantities (one each, together); the
 * users they all show (one).
 */
export async function documentForPage(ctx: RequestContext, id: string, info: GraphQLResolveInfo): Promise<Document> {
  const wanted = selectedFields(info, []);
  const doc = wanted.has('sourceDocument') || wanted.has('derivedDocuments') ? await withRelatives(ctx, id) : await getDocument(ctx, id);
  const source = doc.sourceDocumentId && wanted.has('sourceDocument') ? await ctx.loader(documentLoader).load(doc.sourceDocumentId) : null;
  const shownSource = source && mayAccess(ctx, source.type, 'read') ? source : null;
  const sourceFields = shownSource ? selectedFields(info, ['sourceDocument']) : new Set<string>();

  const withHistory = [...(wanted.has('history') ? [doc.id] : []), ...(shownSource && sourceFields.has('history') ? [shownSource.id] : [])];
  const loads: Promise<unknown>[] = [];
  const histories = withHistory.length > 0 ? ctx.loader(historyLoader).loadMany(withHistory.map((docId) => historyKey(HistoryEntityType.DOCUMENT, docId))) : Promise.resolve([]);
  loads.push(histories);
  if (wanted.has('lines')) {
    loads.push(ctx.loader(documentLinesLoader).load(doc.id));
    const credits = doc.type === DocumentType.INVOICE && doc.status !== DocumentStatus.DRAFT && selectedFields(info, ['lines']).has('remainingToCredit');
    if (credits) loads.push(ctx.loader(creditedLoader).load(doc.id));
  }
  await Promise.all(loads);

  const users = new Set<string>();
  const addAuthors = (d: Document, fields: ReadonlySet<string>) => {
    if (fields.has('createdBy')) users.add(d.createdById);
    if (fields.has('updatedBy')) users.add(d.updatedById);
  };
  addAuthors(doc, wanted);
  if (shownSource) addAuthors(shownSource, sourceFields);
  const entryUsers = [...(wanted.has('history') ? [selectedFields(info, ['history'])] : []), ...(withHistory.includes(shownSource?.id ?? '') ? [selectedFields(info, ['sourceDocument', 'history'])] : [])];
  if (entryUsers.some((fields) => fields.has('user'))) {
    for (const entries of await histories) if (Array.isArray(entries)) for (const entry of entries) users.add(entry.userId);
  }
  if (users.size > 0) await ctx.loader(userSummaryLoader).loadMany([...users]);
  return doc;
}

/**
 * The document, its source and its derived documents in one statement; the source and the
 * derived documents primed into their loaders. A document not found (or of another dossier)
 * answers exactly as `getDocument`: it is asked again there.
 */
async function withRelatives(ctx: RequestContext, id: string): Promise<Document> {
  const rows = await ctx
    .scoped(Document, 'Document')
    .query('d')
    .andWhere('(d.id = :id OR d.sourceDocumentId = :id OR d.id = (SELECT s.sourceDocumentId FROM documents s WHERE s.dossierId = :dossierId AND s.id = :id))', { id, dossierId: ctx.dossierId })
    .orderBy('d.createdAt', 'ASC')
    .getMany();
  const doc = rows.find((row) => row.id === id);
  if (!doc) return getDocument(ctx, id);
  assertDocumentAccess(ctx, doc.type, 'read');
  if (doc.sourceDocumentId) ctx.loader(documentLoader).prime(doc.sourceDocumentId, rows.find((row) => row.id === doc.sourceDocumentId) ?? null);
  ctx.loader(derivedDocumentsLoader).prime(
    doc.id,
    rows.filter((row) => row.sourceDocumentId === doc.id),
  );
  return doc;
}

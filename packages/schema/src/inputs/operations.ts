import { z } from 'zod';
import { ArticleInputSchema } from './articles';
import {
  ChangeDocumentStatusArgsSchema,
  CreateCreditNoteFromInvoiceArgsSchema,
  CreateDocumentArgsSchema,
  DocumentIdArgsSchema,
  DocumentListArgsSchema,
  DocumentVersionArgsSchema,
  MAX_PAGE_SIZE,
  UpdateDocumentArgsSchema,
} from './documents';
import { AdminArgsSchemas, CancelSeatOrderArgsSchema, OrderSeatsArgsSchema, UpdateDossierSettingsArgsSchema } from './dossiers';
import { ExportArgsSchemas } from './exports';
import { AccountingArgsSchemas, AccountingSettingsInputSchema } from './accounting';
import { SupportArgsSchemas, SupportRequestInputSchema } from './support';
import { PaymentArgsSchemas, PaymentInputSchema } from './payments';
import { EmailDocumentInputSchema, ReminderInputSchema, SendingArgsSchemas } from './sending';
import { DocumentSettingsArgsSchemas, DocumentSettingsInputSchema } from './document-settings';
import { cursor, first, id, intRange, optionalText } from './fields';
import {
  AcceptInvitationArgsSchema,
  ChangePasswordArgsSchema,
  InvitationPreviewArgsSchema,
  LoginArgsSchema,
  RequestPasswordResetArgsSchema,
  ResetPasswordArgsSchema,
  RevokeSessionArgsSchema,
  SelectDossierArgsSchema,
  SignUpInputSchema,
} from './identity';
import { CustomerInputSchema, SupplierInputSchema } from './parties';
import { AdminAddUserInputSchema, DossierSettingsInputSchema } from './dossiers';
import { CreditNoteLineInputSchema, DocumentFilterSchema, DocumentInputSchema, DocumentLineInputSchema, DocumentSortSchema } from './documents';
import { ActionSummaryExportInputSchema, DocumentsExportInputSchema, ExportFilterInputSchema, ExportPresetInputSchema } from './exports';

/**
 * The arguments of every root field that takes any, by field name: the API
 * validates each call with its schema before any resolver runs (deny by default:
 * a field with arguments and no schema here fails the API's schema test).
 */
const byId = z.object({ id: id() });
const version = intRange(1, 2_147_483_647);
const searchPage = z.object({ first: first(MAX_PAGE_SIZE), after: cursor(), search: optionalText(100) });

export const OPERATION_ARGS = {
  // identity
  signUp: z.object({ input: SignUpInputSchema }),
  login: LoginArgsSchema,
  changePassword: ChangePasswordArgsSchema,
  requestPasswordReset: RequestPasswordResetArgsSchema,
  resetPassword: ResetPasswordArgsSchema,
  acceptInvitation: AcceptInvitationArgsSchema,
  invitationPreview: InvitationPreviewArgsSchema,
  selectDossier: SelectDossierArgsSchema,
  revokeSession: RevokeSessionArgsSchema,
  // parties
  customer: byId,
  customers: searchPage,
  createCustomer: z.object({ input: CustomerInputSchema }),
  updateCustomer: z.object({ id: id(), version, input: CustomerInputSchema }),
  supplier: byId,
  suppliers: searchPage,
  createSupplier: z.object({ input: SupplierInputSchema }),
  updateSupplier: z.object({ id: id(), version, input: SupplierInputSchema }),
  // articles
  article: byId,
  articles: searchPage.extend({ activeOnly: z.boolean().nullish() }),
  createArticle: z.object({ input: ArticleInputSchema }),
  updateArticle: z.object({ id: id(), version, input: ArticleInputSchema }),
  // documents
  document: DocumentIdArgsSchema,
  documentChanged: DocumentIdArgsSchema,
  documentPresence: DocumentIdArgsSchema,
  documents: DocumentListArgsSchema,
  quotes: DocumentListArgsSchema,
  invoices: DocumentListArgsSchema,
  creditNotes: DocumentListArgsSchema,
  priceRequests: DocumentListArgsSchema,
  supplierOrders: DocumentListArgsSchema,
  createQuote: CreateDocumentArgsSchema,
  createInvoice: CreateDocumentArgsSchema,
  createCreditNote: CreateDocumentArgsSchema,
  createPriceRequest: CreateDocumentArgsSchema,
  createSupplierOrder: CreateDocumentArgsSchema,
  updateDocument: UpdateDocumentArgsSchema,
  deleteDocument: DocumentVersionArgsSchema,
  cancelDocument: DocumentVersionArgsSchema,
  duplicateDocument: DocumentIdArgsSchema,
  sendDocument: DocumentVersionArgsSchema,
  issueDocument: DocumentVersionArgsSchema,
  changeDocumentStatus: ChangeDocumentStatusArgsSchema,
  convertQuoteToInvoice: DocumentVersionArgsSchema,
  convertPriceRequestToSupplierOrder: DocumentVersionArgsSchema,
  createCreditNoteFromInvoice: CreateCreditNoteFromInvoiceArgsSchema,
  // dossier, subscription
  updateDossierSettings: UpdateDossierSettingsArgsSchema,
  orderSeats: OrderSeatsArgsSchema,
  cancelSeatOrder: CancelSeatOrderArgsSchema,
  // exports
  ...ExportArgsSchemas,
  // support
  ...AdminArgsSchemas,
  // support desk
  ...SupportArgsSchemas,
  // accounting
  ...AccountingArgsSchemas,
  // payments, PDF, sending, reminders
  ...PaymentArgsSchemas,
  ...SendingArgsSchemas,
  ...DocumentSettingsArgsSchemas,
} as const;

export type OperationName = keyof typeof OPERATION_ARGS;

/** The schema of each GraphQL input type, by its GraphQL name (forms validate with these). */
export const INPUT_SCHEMAS = {
  SignUpInput: SignUpInputSchema,
  CustomerInput: CustomerInputSchema,
  SupplierInput: SupplierInputSchema,
  ArticleInput: ArticleInputSchema,
  DocumentInput: DocumentInputSchema,
  DocumentLineInput: DocumentLineInputSchema,
  CreditNoteLineInput: CreditNoteLineInputSchema,
  DocumentFilter: DocumentFilterSchema,
  DocumentSort: DocumentSortSchema,
  DossierSettingsInput: DossierSettingsInputSchema,
  AdminAddUserInput: AdminAddUserInputSchema,
  DocumentsExportInput: DocumentsExportInputSchema,
  ActionSummaryExportInput: ActionSummaryExportInputSchema,
  ExportFilterInput: ExportFilterInputSchema,
  ExportPresetInput: ExportPresetInputSchema,
  SupportRequestInput: SupportRequestInputSchema,
  AccountingSettingsInput: AccountingSettingsInputSchema,
  PaymentInput: PaymentInputSchema,
  EmailDocumentInput: EmailDocumentInputSchema,
  ReminderInput: ReminderInputSchema,
  DocumentSettingsInput: DocumentSettingsInputSchema,
} as const;

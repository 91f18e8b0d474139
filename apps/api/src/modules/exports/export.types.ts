import { DocumentType } from '@comptoir/schema';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from '../../core/scalars';
import { Auth } from '../../core/auth/policy';
import { PageInfo } from '../../core/pagination';
import { DocumentStatus } from '../documents/document.entity';
import { UserSummary } from '../identity/user-summary.type';
import { EXPORTERS } from './export-columns';
import { ExportFormat, ExportKind, ExportStatus } from './export.entity';

export enum ExportColumnType {
  TEXT = 'TEXT',
  DATE = 'DATE',
  DATETIME = 'DATETIME',
  MONEY = 'MONEY',
  INTEGER = 'INTEGER',
}
registerEnumType(ExportColumnType, {
  name: 'ExportColumnType',
  description: 'Cell type: DATE cells are YYYY-MM-DD, DATETIME ISO instants, MONEY integer cents, in previews; typed cells in .xlsx',
});

export enum ExportColumnGroup {
  DOCUMENT = 'DOCUMENT',
  USER_ACTION = 'USER_ACTION',
}
registerEnumType(ExportColumnGroup, { name: 'ExportColumnGroup', description: 'Document fields, or who did what and when' });
registerEnumType(ExportFormat, { name: 'ExportFormat', description: '.xlsx (typed cells) or CSV (UTF-8 with BOM, `;`, decimal comma)' });
registerEnumType(ExportKind, { name: 'ExportKind', description: 'Liste des pièces, or Récapitulatif des actions' });
registerEnumType(ExportStatus, { name: 'ExportStatus', description: 'PENDING (started, not downloaded yet) → RUNNING → COMPLETED, CANCELLED or FAILED' });

@ObjectType('ExportColumn', { description: 'A column of the Paramètres panel (the catalogue the writers use)' })
@Auth(...EXPORTERS)
export class ExportColumnType_ {
  @Field({ description: 'Stable key, passed in `columns`' })
  key: string;

  @Field()
  labelFr: string;

  @Field()
  labelEn: string;

  @Field(() => ExportColumnType)
  type: ExportColumnType;

  @Field(() => ExportColumnGroup)
  group: ExportColumnGroup;

  @Field({ description: 'Ticked in a new Paramètres panel' })
  defaultSelected: boolean;

  @Field()
  description: string;
}

@InputType('ExportFilterInput')
export class ExportFilterInput {
  @Field(() => [DocumentType], { nullable: true })
  types?: DocumentType[] | null;

  @Field(() => [DocumentStatus], { nullable: true })
  statuses?: DocumentStatus[] | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Document date from (inclusive)' })
  from?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Document date to (inclusive)' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Customer or supplier' })
  partyId?: string | null;

  @Field(() => ID, { nullable: true })
  createdById?: string | null;

  @Field(() => ID, { nullable: true, description: 'Last modifier' })
  updatedById?: string | null;
}

@ObjectType('ExportFilter', { description: 'The filters an export was made with' })
@Auth(...EXPORTERS)
export class ExportFilterType {
  @Field(() => [DocumentType])
  types: DocumentType[];

  @Field(() => [DocumentStatus])
  statuses: DocumentStatus[];

  @Field(() => GraphQLLocalDate, { nullable: true })
  from: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  to: string | null;

  @Field(() => ID, { nullable: true })
  partyId: string | null;

  @Field(() => ID, { nullable: true })
  createdById: string | null;

  @Field(() => ID, { nullable: true })
  updatedById: string | null;
}

@ObjectType('ExportPreviewRow')
@Auth(...EXPORTERS)
export class ExportPreviewRowType {
  @Field(() => ID, { description: 'The document' })
  id: string;

  @Field(() => [String], { nullable: 'items', description: 'One raw value per column, in the order asked (see ExportColumnType)' })
  cells: (string | null)[];
}

@ObjectType('ExportPreview')
@Auth(...EXPORTERS)
export class ExportPreviewType {
  @Field(() => Int, { description: 'Documents matching the filters (what an export would write)' })
  totalCount: number;

  @Field(() => [ExportColumnType_])
  columns: ExportColumnType_[];

  @Field(() => [ExportPreviewRowType])
  rows: ExportPreviewRowType[];
}

@ObjectType('ExportPreset', { description: 'A named choice of columns, private or shared with the dossier' })
@Auth(...EXPORTERS)
export class ExportPresetType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => [String])
  columns: string[];

  @Field()
  shared: boolean;

  @Field(() => UserSummary, { nullable: true })
  owner: UserSummary | null;

  @Field({ description: 'Yours' })
  mine: boolean;

  @Field()
  updatedAt: Date;
}

@InputType('ExportPresetInput')
export class ExportPresetInput {
  @Field()
  name: string;

  @Field(() => [String])
  columns: string[];

  @Field({ defaultValue: false, description: 'Shared with everyone of the dossier who exports' })
  shared: boolean;
}

@InputType('DocumentsExportInput')
export class DocumentsExportInput {
  @Field(() => ExportFormat)
  format: ExportFormat;

  @Field(() => ExportFilterInput, { nullable: true })
  filter?: ExportFilterInput | null;

  @Field(() => [String])
  columns: string[];
}

@InputType('ActionSummaryExportInput')
export class ActionSummaryExportInput {
  @Field(() => ExportFormat)
  format: ExportFormat;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Inclusive (Paris days)' })
  from?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Inclusive (Paris days)' })
  to?: string | null;
}

@ObjectType('ExportLogEntry', { description: 'One export: who, when, what, how many rows; its progress while it runs' })
@Auth(...EXPORTERS)
export class ExportLogType {
  @Field(() => ID)
  id: string;

  @Field(() => ExportKind)
  kind: ExportKind;

  @Field(() => ExportFormat)
  format: ExportFormat;

  @Field(() => ExportStatus)
  status: ExportStatus;

  @Field(() => ExportFilterType, { nullable: true, description: 'Liste des pièces only' })
  filter: ExportFilterType | null;

  @Field(() => String, { nullable: true, description: 'Récapitulatif des actions: period start' })
  periodFrom: string | null;

  @Field(() => String, { nullable: true })
  periodTo: string | null;

  @Field(() => [String])
  columns: string[];

  @Field(() => Int, { nullable: true, description: 'Rows to write, counted when the export started' })
  totalRows: number | null;

  @Field(() => Int)
  rowsWritten: number;

  @Field()
  cancelRequested: boolean;

  @Field(() => UserSummary, { nullable: true })
  user: UserSummary | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => Int, { nullable: true })
  durationMs: number | null;

  @Field()
  fileName: string;

  @Field(() => String, { nullable: true, description: 'GET it with the session cookie while PENDING' })
  downloadUrl: string | null;

  @Field(() => String, { nullable: true })
  error: string | null;
}

@ObjectType('ExportLogEntryConnection')
@Auth(...EXPORTERS)
export class ExportLogConnection {
  @Field(() => [ExportLogType])
  nodes: ExportLogType[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType('ActionSummaryRow', { description: 'One user’s actions on one document type over the period' })
@Auth(...EXPORTERS)
export class ActionSummaryRowType {
  @Field(() => UserSummary, { nullable: true })
  user: UserSummary | null;

  @Field(() => DocumentType, { nullable: true, description: 'Null for drafts deleted since' })
  documentType: DocumentType | null;

  @Field(() => Int)
  created: number;

  @Field(() => Int, { description: 'Edits, status changes and sending' })
  modified: number;

  @Field(() => Int)
  issued: number;

  @Field(() => Int, { description: 'Documents of this type converted (quote → invoice, …)' })
  converted: number;

  @Field(() => Int)
  deleted: number;

  @Field(() => Int, { description: 'Every action, all kinds together' })
  total: number;
}

@ObjectType('ActionSummary', { description: 'Récapitulatif des actions' })
@Auth(...EXPORTERS)
export class ActionSummaryType {
  @Field(() => GraphQLLocalDate, { nullable: true })
  from: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  to: string | null;

  @Field(() => [ActionSummaryRowType])
  rows: ActionSummaryRowType[];
}

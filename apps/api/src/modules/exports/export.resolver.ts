import type { DocumentType } from '@comptoir/schema';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Auth } from '../../core/auth/policy';
import { GraphQLLocalDate } from '../../core/scalars';
import type { RequestContext } from '../../core/context';
import { PageArgs } from '../../core/pagination';
import type { DocumentStatus } from '../documents/document.entity';
import { UserSummary, userSummaryLoader } from '../identity/user-summary.type';
import { EXPORT_COLUMNS, EXPORTERS, type ExportColumnDef } from './export-columns';
import { runExportInBackground } from './export.jobs';
import {
  actionSummary,
  cancelExport,
  deletePreset,
  getExport,
  listExports,
  listPresets,
  previewDocuments,
  savePreset,
  startActionSummaryExport,
  startDocumentsExport,
  validatePeriod,
} from './export.service';
import { ExportKind, ExportStatus, type ExportFilterValues, type ExportLog, type ExportPreset } from './export.entity';
import {
  ActionSummaryExportInput,
  ActionSummaryType,
  DocumentsExportInput,
  ExportColumnGroup,
  ExportColumnType,
  ExportColumnType_,
  ExportFilterInput,
  ExportLogConnection,
  ExportLogType,
  ExportPresetInput,
  ExportPresetType,
  ExportPreviewType,
} from './export.types';
import { jobDownloadUrl } from './export.routes';

export function columnView(c: ExportColumnDef): ExportColumnType_ {
  return {
    key: c.key,
    labelFr: c.labelFr,
    labelEn: c.labelEn,
    type: c.type.toUpperCase() as ExportColumnType,
    group: c.group as ExportColumnGroup,
    defaultSelected: c.defaultSelected,
    description: c.descriptionEn,
  };
}

function presetView(ctx: RequestContext, p: ExportPreset): Omit<ExportPresetType, 'owner'> & { ownerId: string } {
  return { id: p.id, name: p.name, columns: p.columns, shared: p.shared, mine: p.ownerId === ctx.userId, updatedAt: p.updatedAt, ownerId: p.ownerId };
}

type LogView = Omit<ExportLogType, 'user'> & { userId: string };

function logView(log: ExportLog): LogView {
  const documents = log.kind === ExportKind.DOCUMENTS;
  const f = log.filters as Partial<ExportFilterValues>;
  return {
    id: log.id,
    kind: log.kind,
    format: log.format,
    status: log.status,
    filter: documents
      ? {
          types: (f.types ?? []) as DocumentType[],
          statuses: (f.statuses ?? []) as DocumentStatus[],
          from: f.from ?? null,
          to: f.to ?? null,
          partyId: f.partyId ?? null,
          createdById: f.createdById ?? null,
          updatedById: f.updatedById ?? null,
        }
      : null,
    periodFrom: documents ? null : (f.from ?? null),
    periodTo: documents ? null : (f.to ?? null),
    columns: log.columns,
    totalRows: log.totalRows,
    rowsWritten: log.rowsWritten,
    cancelRequested: log.cancelRequested,
    createdAt: log.createdAt,
    finishedAt: log.finishedAt,
    durationMs: log.durationMs,
    fileName: log.fileName,
    downloadUrl: log.status === ExportStatus.PENDING ? jobDownloadUrl(log.id) : null,
    error: log.error,
    userId: log.userId,
  };
}

@Resolver(() => ExportLogType)
export class ExportResolver {
  @Query(() => [ExportColumnType_], { description: 'Every exportable column (Paramètres panel)' })
  @Auth(...EXPORTERS)
  exportColumns(): ExportColumnType_[] {
    return EXPORT_COLUMNS.map(columnView);
  }

  @Query(() => ExportPreviewType, { description: 'The first rows of the Liste des pièces and how many an export would write' })
  @Auth(...EXPORTERS)
  exportPreview(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ExportFilterInput, { nullable: true }) filter: ExportFilterInput | null,
    @Arg('columns', () => [String]) columns: string[],
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100' }) first: number,
  ): Promise<ExportPreviewType> {
    return previewDocuments(ctx, filter, columns, first).then((p) => ({ ...p, columns: p.columns.map(columnView) }));
  }

  @Query(() => [ExportPresetType], { description: 'Your presets and those shared with the dossier' })
  @Auth(...EXPORTERS)
  async exportPresets(@Ctx() ctx: RequestContext) {
    return (await listPresets(ctx)).map((p) => presetView(ctx, p));
  }

  @Mutation(() => ExportPresetType, { description: 'Saves a named choice of columns; saving again under one of your names replaces it' })
  @Auth(...EXPORTERS)
  async saveExportPreset(@Ctx() ctx: RequestContext, @Arg('input', () => ExportPresetInput) input: ExportPresetInput) {
    return presetView(ctx, await savePreset(ctx, input));
  }

  @Mutation(() => ID, { description: 'Deletes one of your presets or a shared one; returns its id' })
  @Auth(...EXPORTERS)
  deleteExportPreset(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<string> {
    return deletePreset(ctx, id);
  }

  @Query(() => ExportLogConnection, { description: 'Every export of the dossier, newest first' })
  @Auth(...EXPORTERS)
  async exportLogs(@Ctx() ctx: RequestContext, @Args() args: PageArgs) {
    const page = await listExports(ctx, args);
    return { ...page, nodes: page.nodes.map(logView) };
  }

  @Query(() => ExportLogType, { description: 'One export (progress while it runs)' })
  @Auth(...EXPORTERS)
  async exportJob(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return logView(await getExport(ctx, id));
  }

  @Mutation(() => ExportLogType, { description: 'Starts a Liste des pièces export: validates, counts, logs it PENDING; then GET its downloadUrl' })
  @Auth(...EXPORTERS)
  async startDocumentsExport(@Ctx() ctx: RequestContext, @Arg('input', () => DocumentsExportInput) input: DocumentsExportInput) {
    return logView(await startDocumentsExport(ctx, input));
  }

  @Mutation(() => ExportLogType, { description: 'Starts a Récapitulatif des actions export; then GET its downloadUrl' })
  @Auth(...EXPORTERS)
  async startActionSummaryExport(@Ctx() ctx: RequestContext, @Arg('input', () => ActionSummaryExportInput) input: ActionSummaryExportInput) {
    return logView(await startActionSummaryExport(ctx, input));
  }

  @Mutation(() => ExportLogType, { description: 'Stops one of your exports at its next batch (any server process)' })
  @Auth(...EXPORTERS)
  async cancelExport(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return logView(await cancelExport(ctx, id));
  }

  @Mutation(() => ExportLogType, {
    description: 'Writes one of your PENDING exports in the background (a job on any node; progress on the exportProgress subscription); then GET its downloadUrl from any node',
  })
  @Auth(...EXPORTERS)
  async runExportInBackground(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return logView(await runExportInBackground(ctx, id));
  }

  @Query(() => ActionSummaryType, { description: 'Récapitulatif des actions: per user and document type over the period' })
  @Auth(...EXPORTERS)
  async actionSummary(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => GraphQLLocalDate, { nullable: true }) from: string | null,
    @Arg('to', () => GraphQLLocalDate, { nullable: true }) to: string | null,
  ): Promise<ActionSummaryType> {
    const period = validatePeriod({ from, to });
    const rows = await actionSummary(ctx, period);
    const users = await ctx.loader(userSummaryLoader).loadMany(rows.map((r) => r.userId));
    return {
      ...period,
      rows: rows.map((r, i) => {
        const user = users[i];
        return { ...r, documentType: r.documentType as DocumentType | null, user: user && !(user instanceof Error) ? user : null };
      }),
    };
  }

  @FieldResolver(() => UserSummary, { nullable: true })
  user(@Root() log: LogView, @Ctx() ctx: RequestContext) {
    return ctx.loader(userSummaryLoader).load(log.userId);
  }
}

@Resolver(() => ExportPresetType)
export class ExportPresetResolver {
  @FieldResolver(() => UserSummary, { nullable: true })
  owner(@Root() preset: { ownerId: string }, @Ctx() ctx: RequestContext) {
    return ctx.loader(userSummaryLoader).load(preset.ownerId);
  }
}

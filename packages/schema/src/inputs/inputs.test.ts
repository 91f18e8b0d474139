import { ArticleInputSchema, DocumentInputSchema, ExportFilterInputSchema, fieldErrors, OPERATION_ARGS, SignUpInputSchema, CustomerInputSchema, DossierSettingsInputSchema } from '../index';
import type { z } from 'zod';

function errors(schema: z.ZodType, data: unknown) {
  const result = schema.safeParse(data);
  return result.success ? [] : fieldErrors(result.error, data).map((e) => [e.path, e.reason]);
}

const line = (over: Record<string, unknown> = {}) => ({ description: 'Pose', quantity: '2.5', unitPriceCents: 1999, vatRate: '20', ...over });

describe('input schemas', () => {
  it('accepts a valid document and reports every bad field of an invalid one at once', () => {
    expect(errors(DocumentInputSchema, { lines: [line(), line({ discountPercent: '12.5', vatRate: '5.5' })], dueDate: '2026-12-02' })).toEqual([]);
    const bad = {
      subject: 'x'.repeat(201),
      dueDate: '2026-02-30',
      lines: [line({ quantity: '0' }), line({ quantity: '1.0001', vatRate: '19.6' }), line({ discountPercent: '100.01', unitPriceCents: 1_000_000_001 })],
    };
    expect(errors(DocumentInputSchema, bad)).toEqual([
      ['dueDate', 'INVALID_DATE'],
      ['subject', 'TOO_LONG'],
      ['lines.0.quantity', 'OUT_OF_RANGE'],
      ['lines.1.quantity', 'INVALID_NUMBER'],
      ['lines.1.vatRate', 'INVALID_VAT_RATE'],
      ['lines.2.unitPriceCents', 'OUT_OF_RANGE'],
      ['lines.2.discountPercent', 'OUT_OF_RANGE'],
    ]);
  });

  it('names missing and blank fields REQUIRED', () => {
    expect(errors(ArticleInputSchema, { reference: '  ', salePriceCents: 100, vatRate: '20' })).toEqual([
      ['reference', 'REQUIRED'],
      ['label', 'REQUIRED'],
    ]);
  });

  it('refuses a short password, a bad e-mail and a SIRET that is not 14 digits', () => {
    expect(errors(SignUpInputSchema, { dossierName: 'Garage', email: 'nope', name: 'Léa', password: '123456789', plan: 'TPE', siret: '123' })).toEqual([
      ['email', 'INVALID_EMAIL'],
      ['password', 'TOO_SHORT'],
      ['siret', 'INVALID_SIRET'],
    ]);
    expect(errors(SignUpInputSchema, { dossierName: 'Garage', email: ' lea@example.test ', name: 'Léa', password: '1234567890', plan: 'TPE', siret: '732 829 320 00074' })).toEqual([]);
  });

  it('checks that a SIRET starts with the SIREN, and the dossier SIRET with its key', () => {
    expect(errors(CustomerInputSchema, { legalName: 'Roux', siren: '123456789', siret: '98765432100010' })).toEqual([['siret', 'SIRET_SIREN_MISMATCH']]);
    const settings = {
      name: 'Garage', siret: '73282932000075', quotePrefix: 'DE', invoicePrefix: 'FA', creditNotePrefix: 'AV', priceRequestPrefix: 'DP', supplierOrderPrefix: 'CF',
      defaultVatRate: '20', paymentTermsDays: 30, legalMentions: '', version: 1,
    };
    expect(errors(DossierSettingsInputSchema, settings)).toEqual([['siret', 'INVALID_SIRET']]);
    expect(errors(DossierSettingsInputSchema, { ...settings, siret: '73282932000074' })).toEqual([]);
  });

  it('refuses a period that starts after it ends, on its start', () => {
    expect(errors(ExportFilterInputSchema, { from: '2026-03-01', to: '2026-02-01' })).toEqual([['from', 'PERIOD_REVERSED']]);
  });

  it('has a schema for every operation it lists, as objects of arguments', () => {
    for (const [name, schema] of Object.entries(OPERATION_ARGS)) expect([name, schema.def.type]).toEqual([name, 'object']);
  });
});

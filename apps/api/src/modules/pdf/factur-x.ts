import type { PdfModel } from './pdf-model';

/** Placeholder replaced by the CII generator (issue 13, step d). */
export function facturXFor(model: PdfModel): null {
  void model;
  return null;
}

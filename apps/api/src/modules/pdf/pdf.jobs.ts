import type { AppServices } from '../../core/context';
import { jobContext } from '../identity/job-context';
import { PDF_JOB, pdfJobId, renderPdfJob, type PdfJobData } from './pdf.service';

/** `pdf.render`: the PDF of an issued invoice or credit note, rendered and stored once (see renderPdfJob). */
export function registerPdfJobs(app: AppServices): void {
  app.jobs.register<PdfJobData>(PDF_JOB, async (data, run) => {
    const ctx = await jobContext(app, data, pdfJobId(data.documentId));
    await renderPdfJob(ctx, data.documentId, (p) => run.progress(p));
    await run.progress(100);
  });
}

// Runs in every test file (jest setupFilesAfterEnv): fails the file when any SQL statement it ran
// through the harness touched a table of dossier data without a dossierId condition.
// SQL_AUDIT=off turns the failure into nothing, for local debugging only; CI never sets it.
import { appendFileSync } from 'node:fs';
import { sqlAudit } from './sql-audit';

const off = process.env.SQL_AUDIT === 'off';

afterAll(() => {
  const offenders = sqlAudit.offenders.splice(0);
  if (offenders.length === 0) return;
  // SQL_AUDIT_DUMP=<file>: every offender of the run as JSON lines (the failure message lists ten).
  if (process.env.SQL_AUDIT_DUMP) {
    const file = expect.getState().testPath;
    appendFileSync(process.env.SQL_AUDIT_DUMP, offenders.map((o) => `${JSON.stringify({ file, ...o })}\n`).join(''));
  }
  if (off) return;
  const report = offenders
    .slice(0, 10)
    .map((o, i) => `${i + 1}. [${o.tables.join(', ')}] ${o.sql}\n     ${o.from.join('\n     ')}`)
    .join('\n');
  throw new Error(`${offenders.length} SQL statement(s) touched dossier data without a dossierId condition:\n${report}`);
});

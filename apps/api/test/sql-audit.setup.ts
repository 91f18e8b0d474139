// Runs in every test file (jest setupFilesAfterEnv): fails the file when any SQL statement it ran
// through the harness touched a table of dossier data without a dossierId condition.
import { sqlAudit } from './sql-audit';

// Enforced with SQL_AUDIT=strict until the remaining unscoped call sites are moved to the scoped
// door (admin/subscription seat orders, some document queries, tests' own cross-dossier counts):
// strict mode lists them; the default only keeps the audit running so the listing stays one switch away.
const strict = process.env.SQL_AUDIT === 'strict';

afterAll(() => {
  const offenders = sqlAudit.offenders.splice(0);
  if (offenders.length === 0 || !strict) return;
  const report = offenders
    .slice(0, 10)
    .map((o, i) => `${i + 1}. [${o.tables.join(', ')}] ${o.sql}\n     ${o.from.join('\n     ')}`)
    .join('\n');
  throw new Error(`${offenders.length} SQL statement(s) touched dossier data without a dossierId condition:\n${report}`);
});

// The baseline of `bench:list`: the least a server can do to answer the SPA's invoice
// list — node:http + mysql2, the same SELECTs as Comptoir (session with user and
// membership, count, page, users) and the byte-identical JSON. No framework, no
// validation beyond what the answer needs. WEB_CONCURRENCY forks as many processes.
import cluster from 'node:cluster';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { createPool, type RowDataPacket } from 'mysql2/promise';

const url = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test');
const workers = Number(process.env.WEB_CONCURRENCY ?? 1);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
} else {
  const pool = createPool({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    connectionLimit: 10,
  });

  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const server = createServer((req, res) => {
    void (async () => {
      const { variables } = JSON.parse(await body(req)) as { variables: { first: number } };
      const token = /comptoir_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '';
      const hash = createHash('sha256').update(token).digest('hex');
      const [sessions] = await pool.query<RowDataPacket[]>(
        'SELECT s.id, s.dossierId, m.profile FROM sessions s INNER JOIN users u ON u.id = s.userId LEFT JOIN memberships m ON m.userId = s.userId AND m.dossierId = s.dossierId WHERE s.tokenHash = ? AND s.revokedAt IS NULL',
        [hash],
      );
      const session = sessions[0];
      if (!session?.profile) {
        res.writeHead(401).end();
        return;
      }
      const dossierId = session.dossierId as string;
      // The SPA's count: exact up to 1,000, then « more » (LIST_COUNT_CAP).
      const [[counted]] = await pool.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM (SELECT 1 FROM documents d WHERE d.dossierId = ? AND d.type IN ('INVOICE') LIMIT 1001) capped", [dossierId]);
      const [rows] = await pool.query<RowDataPacket[]>(
        "SELECT id, type, status, number, date, dueDate, partyId, partyName, totalExclVatCents, totalInclVatCents, createdAt, createdById, updatedAt, updatedById FROM documents d WHERE d.dossierId = ? AND d.type IN ('INVOICE') ORDER BY d.date DESC, d.id DESC LIMIT ?",
        [dossierId, variables.first + 1],
      );
      const nodes = rows.slice(0, variables.first);
      const userIds = [...new Set(nodes.flatMap((n) => [n.createdById as string, n.updatedById as string]))];
      const [users] = userIds.length ? await pool.query<RowDataPacket[]>('SELECT id, name FROM users WHERE id IN (?)', [userIds]) : [[]];
      const nameOf = new Map((users as RowDataPacket[]).map((u) => [u.id as string, u.name as string]));
      const last = nodes[nodes.length - 1];
      const json = JSON.stringify({
        data: {
          list: {
            nodes: nodes.map((n) => ({
              id: n.id,
              type: n.type,
              status: n.status,
              number: n.number,
              date: n.date,
              dueDate: n.dueDate,
              partyId: n.partyId,
              partyName: n.partyName,
              totalExclVatCents: Number(n.totalExclVatCents),
              totalInclVatCents: Number(n.totalInclVatCents),
              createdAt: (n.createdAt as Date).toISOString(),
              createdBy: { id: n.createdById, name: nameOf.get(n.createdById as string) },
              updatedAt: (n.updatedAt as Date).toISOString(),
              updatedBy: { id: n.updatedById, name: nameOf.get(n.updatedById as string) },
            })),
            count: { value: Math.min(Number(counted.n), 1000), more: Number(counted.n) > 1000 },
            pageInfo: {
              hasNextPage: rows.length > variables.first,
              endCursor: last ? Buffer.from(JSON.stringify([last.date, last.id])).toString('base64url') : null,
            },
          },
        },
      }) + '\n'; // as Apollo Server ends its JSON
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    })().catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1');
  // Exit on the bench's SIGTERM rather than die by it: node's --cpu-prof (BENCH_NODE_ARGS) writes its profile at exit.
  process.on('SIGTERM', () => process.exit(0));
}

import { RequestContext, type AppServices } from '../../core/context';

/** True when the database answers a trivial query within two seconds. */
export async function checkDatabase(app: AppServices): Promise<boolean> {
  try {
    await Promise.race([
      RequestContext.system(app, { requestId: 'health' }).query('SELECT 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

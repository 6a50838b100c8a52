import { checkHealth } from '@/server/health';

export const dynamic = 'force-dynamic';

/**
 * For load balancers and monitors; no sign-in, nothing secret. 200 when the database answers, its
 * migrations are current and the job runner is alive; 503 naming what failed. `?scope=app` leaves
 * the job runner out of the verdict (README: running in production).
 */
export async function GET(req: Request) {
  const scope = new URL(req.url).searchParams.get('scope') === 'app' ? 'app' : 'all';
  const health = await checkHealth({ scope });
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}

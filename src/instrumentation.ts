import type { Instrumentation } from 'next';

/**
 * Runs once when the Next server starts. On Node it makes the server stamp each request with the
 * socket's address (src/server/net/socket-stamp.ts), the only source of the client's address that
 * a client cannot write: Next passes route handlers and actions headers, never the socket.
 * It also logs one JSON line per request with a request id (src/server/request-log.ts) and, when
 * jobs run in this process (JOBS_IN_PROCESS, the default on PGlite), starts the job runner
 * (src/server/jobs/runner.ts): on PGlite nothing else may open the database, so the demo's
 * reminders, mail retries and file removals run here, without anyone loading a page.
 */
export async function register() {
  // Node-only imports stay inside this block, which the Edge build of this file drops whole (after
  // an early `return` instead, Turbopack still bundled node:http for Edge and reported an error).
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const http = await import('node:http');
    const { installSocketStamp } = await import('./server/net/socket-stamp');
    installSocketStamp(http);
    const { installRequestLog } = await import('./server/request-log');
    installRequestLog(http);
    // `next build` loads this file too; jobs belong to the running server only.
    if (process.env.NEXT_PHASE !== 'phase-production-build') {
      const { jobsInProcess, startJobs } = await import('./server/jobs/runner');
      if (jobsInProcess()) {
        const { logger } = await import('./server/log');
        await startJobs().catch((e) => logger.error('job runner did not start', { error: e }));
      }
    }
  }
}

/** Errors in pages, routes and actions, as one JSON line carrying the request id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { logger, redactPath } = await import('./server/log');
    const e = error as Error & { digest?: string };
    logger.error('request error', {
      requestId: request.headers['x-request-id'],
      method: request.method,
      path: redactPath(request.path),
      route: context.routePath,
      routeType: context.routeType,
      digest: e?.digest,
      error: e,
    });
  }
};

import 'server-only';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { RenderJob, RenderStarted, RenderTask } from './pdf/render-task';

/**
 * PDFs are rendered in a bounded pool of worker threads (piscina), never in the thread that serves
 * requests: react-pdf's layout is synchronous, and a long document would stop every other request
 * for as long as it runs. Each document has a time limit (its worker is killed and replaced), the
 * queue has a bound (past it the caller is told to come back later), and workers are replaced
 * after a number of renders so their memory never piles up.
 */

/** Too many documents are waiting: answer 503 with Retry-After. */
export class PdfBusyError extends Error {
  readonly code = 'pdfBusy';
  constructor(readonly retryAfterSeconds: number) {
    super('PDF renderer busy');
    this.name = 'PdfBusyError';
  }
}

/** The document took longer than the time limit; its worker was stopped. */
export class PdfTimeoutError extends Error {
  readonly code = 'pdfTimeout';
  constructor(readonly limitMs: number) {
    super(`PDF render exceeded ${limitMs} ms`);
    this.name = 'PdfTimeoutError';
  }
}

export type RenderPoolOptions = {
  /** Worker threads (PDF_WORKERS; default: cores - 1, at least 1, at most 4). */
  workers: number;
  /** Time limit per document once a worker has taken it up (PDF_TIMEOUT_MS; default 20 s). */
  timeoutMs: number;
  /** Documents allowed to wait beyond those rendering (PDF_QUEUE_MAX; default 16). */
  queueMax: number;
  /** Renders after which the workers are replaced by fresh ones (PDF_RECYCLE_AFTER; default 200). */
  recycleAfter: number;
  /** Heap limit of one worker in MB (PDF_WORKER_MEMORY_MB; default 512): a runaway document fails alone. */
  memoryMb: number;
};

const int = (v: string | undefined, fallback: number, min = 1) => {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= min ? n : fallback;
};

export function renderPoolOptionsFromEnv(env: Record<string, string | undefined> = process.env): RenderPoolOptions {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return {
    // One core stays with the request thread; beyond four, PDFs are better spread over app instances.
    workers: int(env.PDF_WORKERS, Math.min(4, Math.max(1, cores - 1))),
    timeoutMs: int(env.PDF_TIMEOUT_MS, 20_000),
    queueMax: int(env.PDF_QUEUE_MAX, 16, 0),
    recycleAfter: int(env.PDF_RECYCLE_AFTER, 200),
    memoryMb: int(env.PDF_WORKER_MEMORY_MB, 512, 64),
  };
}

// Loaded by path at run time, never bundled: see the comment at the top of the worker file.
const WORKER = path.join(process.cwd(), 'src', 'server', 'documents', 'pdf', 'render-worker.cjs');

export type RenderPool = ReturnType<typeof createRenderPool>;

export function createRenderPool(opts: RenderPoolOptions) {
  let nextId = 1;
  let pending = 0;
  let rendered = 0;
  let sinceRecycle = 0;
  let closed = false;
  /** Tasks by id: their abort controller, their time limit and the timer running for them. */
  type Entry = { ctl: AbortController; limitMs: number; timer?: NodeJS.Timeout; started?: boolean };
  const tasks = new Map<number, Entry>();

  const onStarted = (m: unknown) => {
    const id = (m as Partial<RenderStarted> | null)?.pdfRenderStarted;
    const t = typeof id === 'number' ? tasks.get(id) : undefined;
    if (!t) return;
    t.started = true;
    clearTimeout(t.timer);
    t.timer = setTimeout(() => t.ctl.abort(new PdfTimeoutError(t.limitMs)), t.limitMs);
  };

  const spawn = () => {
    const p = new Piscina({
      filename: WORKER,
      minThreads: 0,
      maxThreads: opts.workers,
      idleTimeout: 5 * 60_000,
      // The worker compiles its own TypeScript (render-worker.cjs); nothing of the parent's flags
      // (tsx's loader, Vitest's conditions, an inspector port) is wanted there.
      execArgv: [],
      // React's production build in the workers, whatever the parent runs as (it is faster).
      env: { ...process.env, NODE_ENV: 'production' },
      resourceLimits: { maxOldGenerationSizeMb: opts.memoryMb },
    });
    p.on('message', onStarted);
    // A worker dying between tasks (memory limit) is replaced by piscina; without a listener the
    // event would bring the whole process down.
    p.on('error', (e: unknown) => console.warn('PDF worker failed', e));
    return p;
  };
  let pool = spawn();

  /** Replaces the workers after `recycleAfter` renders: new documents go to fresh ones, the old finish theirs. */
  const maybeRecycle = () => {
    if (closed || sinceRecycle < opts.recycleAfter) return;
    sinceRecycle = 0;
    const old = pool;
    pool = spawn();
    old.close().catch((e: unknown) => console.warn('PDF pool close failed', e));
  };

  /** Roughly how long until a place frees up, for Retry-After. */
  const retryAfter = () => Math.max(1, Math.ceil(((pending / opts.workers) * Math.min(opts.timeoutMs, 5_000)) / 1000));

  return {
    /**
     * Renders one document in a worker. Throws PdfBusyError at once when the queue is full,
     * PdfTimeoutError when the render itself ran out of time (`timeoutMs`, default the pool's; the
     * clock starts when a worker takes the document up). `signal` (e.g. the request's) takes a
     * document nobody awaits any more out of the queue; one already rendering is finished (stopping
     * it would cost a new worker).
     */
    async render(job: RenderJob, { signal, timeoutMs = opts.timeoutMs }: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<Uint8Array> {
      if (closed) throw new Error('PDF render pool is closed');
      signal?.throwIfAborted();
      if (pending >= opts.workers + opts.queueMax) throw new PdfBusyError(retryAfter());
      const id = nextId++;
      const ctl = new AbortController();
      const entry: Entry = { ctl, limitMs: timeoutMs };
      // Waiting is bounded by the queue: at most every document ahead of it, each within its limit.
      // Past that something is stuck; the caller is told to come back.
      entry.timer = setTimeout(() => ctl.abort(new PdfBusyError(retryAfter())), opts.timeoutMs * (2 + Math.ceil(opts.queueMax / opts.workers)));
      tasks.set(id, entry);
      const onCallerAbort = () => {
        if (!entry.started) ctl.abort(signal?.reason);
      };
      signal?.addEventListener('abort', onCallerAbort, { once: true });
      pending++;
      try {
        const task: RenderTask = { ...job, id };
        const out = (await pool.run(task, { signal: ctl.signal })) as Uint8Array;
        rendered++;
        sinceRecycle++;
        return out;
      } catch (e) {
        const reason: unknown = ctl.signal.aborted ? ctl.signal.reason : undefined;
        if (reason instanceof PdfTimeoutError || reason instanceof PdfBusyError) throw reason;
        throw e;
      } finally {
        pending--;
        clearTimeout(entry.timer);
        tasks.delete(id);
        signal?.removeEventListener('abort', onCallerAbort);
        maybeRecycle();
      }
    },
    /** Documents rendered by this pool so far, those rendering or waiting now, and the live worker threads. */
    stats: () => ({ rendered, pending, threadIds: pool.threads.map((t) => t.threadId) }),
    get closed() {
      return closed;
    },
    /** Stops the workers at once; what is rendering or waiting fails. */
    async close(): Promise<void> {
      closed = true;
      await pool.destroy();
    },
  };
}

const g = globalThis as unknown as { __pdfRenderPool?: RenderPool };

/** The process's pool, created on first use from the environment (one per process, kept across dev reloads). */
export function renderPool(): RenderPool {
  if (!g.__pdfRenderPool || g.__pdfRenderPool.closed) g.__pdfRenderPool = createRenderPool(renderPoolOptionsFromEnv());
  return g.__pdfRenderPool;
}

import { NextResponse, type NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { DomainError } from '@/server/errors';
import { displayNumber, getQuotation } from '@/server/quotations';
import { quotationPdf } from '@/server/quotations/pdf';
import { pdfResponse } from '@/server/documents/pdf-response';
import { limits } from '@/server/net/rate-limit';

/** The quotation's PDF, for whoever may see the quotation; anyone else gets 404. Limited per user (rendering is costly). */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new NextResponse('Not found', { status: 404 });
  const { id } = await params;
  const db = await getDb();
  const limit = await limits.quotationPdf.take(db, actor.id);
  if (!limit.allowed) return new NextResponse('Too many requests', { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds), 'Cache-Control': 'private, no-store' } });
  try {
    const q = await getQuotation(db, actor, id);
    // Rendered in the worker pool (503 with Retry-After when it is full); a sent version is stored,
    // so the browser may keep it and check its ETag; a draft changes and is never kept.
    return await pdfResponse(req, () => quotationPdf(db, q, { signal: req.signal }), {
      filename: displayNumber(q) ?? `draft-${q.id.slice(0, 8)}`,
      language: actor.locale,
      headers: { 'Cache-Control': q.status === 'draft' ? 'private, no-store' : 'private, no-cache' },
    });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'notFound') return new NextResponse('Not found', { status: 404 });
    throw e;
  }
}

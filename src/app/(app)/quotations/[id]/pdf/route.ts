import { NextResponse, type NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { DomainError } from '@/server/errors';
import { displayNumber, getQuotation } from '@/server/quotations';
import { quotationPdf } from '@/server/quotations/pdf';
import { limits } from '@/server/net/rate-limit';

/** The quotation's PDF, for whoever may see the quotation; anyone else gets 404. Limited per user (rendering is costly). */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new NextResponse('Not found', { status: 404 });
  const { id } = await params;
  const db = await getDb();
  const limit = await limits.quotationPdf.take(db, actor.id);
  if (!limit.allowed) return new NextResponse('Too many requests', { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds), 'Cache-Control': 'private, no-store' } });
  try {
    const q = await getQuotation(db, actor, id);
    const pdf = await quotationPdf(db, q);
    return new NextResponse(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${displayNumber(q) ?? `draft-${q.id.slice(0, 8)}`}.pdf"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'notFound') return new NextResponse('Not found', { status: 404 });
    throw e;
  }
}

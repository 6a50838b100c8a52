import { NextResponse, type NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { DomainError } from '@/server/errors';
import { getDelivery } from '@/server/deliveries';
import { deliveryPdf } from '@/server/deliveries/pdf';
import { pdfResponse } from '@/server/documents/pdf-response';
import { limits } from '@/server/net/rate-limit';

/** A delivery note's PDF, for whoever may see its order; anyone else gets 404. Stored once rendered. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new NextResponse('Not found', { status: 404 });
  const { id } = await params;
  const db = await getDb();
  // The same per-user budget as quotation PDFs: a note is rendered once, but a first render is costly.
  const limit = await limits.quotationPdf.take(db, actor.id);
  if (!limit.allowed) return new NextResponse('Too many requests', { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds), 'Cache-Control': 'private, no-store' } });
  try {
    const d = await getDelivery(db, actor, id);
    return await pdfResponse(req, () => deliveryPdf(db, d), { filename: d.number, language: actor.locale, headers: { 'Cache-Control': 'private, no-cache' } });
  } catch (e) {
    if (e instanceof DomainError && e.code === 'notFound') return new NextResponse('Not found', { status: 404 });
    throw e;
  }
}

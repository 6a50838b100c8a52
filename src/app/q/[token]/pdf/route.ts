import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/server/db/client';
import { displayNumber, findByToken } from '@/server/quotations';
import { quotationPdf } from '@/server/quotations/pdf';
import { takePublicLink } from '@/server/quotations/rate-limit';

const HEADERS = { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' };

/** The PDF behind a customer's link: only while the link works; a wrong token is a plain 404. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const limit = await takePublicLink(req.headers);
  if (!limit.allowed) return new NextResponse('Too many requests', { status: 429, headers: { ...HEADERS, 'Retry-After': String(limit.retryAfterSeconds) } });
  const { token } = await params;
  const db = await getDb();
  const found = await findByToken(db, token);
  if (!found || found.state === 'withdrawn' || found.state === 'expired') return new NextResponse('Not found', { status: 404, headers: HEADERS });
  const pdf = await quotationPdf(db, found.quotation);
  return new NextResponse(new Uint8Array(pdf), {
    headers: { ...HEADERS, 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${displayNumber(found.quotation) ?? 'quotation'}.pdf"` },
  });
}

import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/server/db/client';
import { displayNumber, findByToken } from '@/server/quotations';
import { quotationPdf } from '@/server/quotations/pdf';
import { pdfResponse } from '@/server/documents/pdf-response';
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
  const q = found.quotation;
  // Rendered in the worker pool (503 with Retry-After when it is full); a sent version once, then from storage.
  return pdfResponse(req, () => quotationPdf(db, q, { signal: req.signal }), { filename: displayNumber(q) ?? 'quotation', language: q.language, headers: HEADERS });
}

import { NextResponse } from 'next/server';
import { getActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { openAttachment } from '@/server/files';
import { DomainError } from '@/server/errors';
import { limits } from '@/server/net/rate-limit';

/** Downloads an attachment; scoped exactly like the customer or deal it belongs to; limited per user. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new NextResponse('Not found', { status: 404 });
  const db = await getDb();
  const limit = await limits.fileDownload.take(db, actor.id);
  if (!limit.allowed) return new NextResponse('Too many requests', { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds), 'Cache-Control': 'private, no-store' } });
  try {
    const { meta, bytes } = await openAttachment(db, actor, (await params).id);
    return new NextResponse(new Uint8Array(bytes), {
      headers: {
        'Content-Type': meta.contentType,
        'Content-Length': String(bytes.length),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return new NextResponse('Not found', { status: 404 });
    throw e;
  }
}

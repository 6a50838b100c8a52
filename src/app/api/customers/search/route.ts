import { NextResponse, type NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { listCustomers } from '@/server/customers/queries';

/** Customer look-up for pickers; answers only with customers the signed-in user may see. */
export async function GET(req: NextRequest) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  const q = (req.nextUrl.searchParams.get('q') ?? '').slice(0, 100);
  const { rows } = await listCustomers(await getDb(), actor, { q }, 10);
  return NextResponse.json(rows.map((r) => ({ id: r.id, name: r.name, territory: r.territoryName })), {
    headers: { 'Cache-Control': 'private, no-store' },
  });
}

import { NextResponse } from 'next/server';
import { getActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { getCustomer } from '@/server/customers/queries';
import { DomainError } from '@/server/errors';

/** A customer's contacts for pickers; 404 when the customer is out of scope. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  try {
    const c = await getCustomer(await getDb(), actor, (await params).id);
    return NextResponse.json(
      c.contacts.map((p) => ({ id: p.id, name: p.name, isPrimary: p.isPrimary })),
      { headers: { 'Cache-Control': 'private, no-store' } },
    );
  } catch (e) {
    if (e instanceof DomainError) return NextResponse.json({ error: 'not found' }, { status: 404 });
    throw e;
  }
}

import { NextResponse, type NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { listUnits } from '@/server/catalog';
import { isLocale } from '@/server/i18n/locales';
import { localName } from '@/lib/local-name';

/** The organization's active units, named in a document's language: the suggestions of a line's unit. */
export async function GET(req: NextRequest) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  const language = req.nextUrl.searchParams.get('language') ?? actor.locale;
  const lang = isLocale(language) ? language : actor.locale;
  const names = [...new Set((await listUnits(await getDb(), actor)).map((u) => localName(u, lang)))];
  return NextResponse.json(names, { headers: { 'Cache-Control': 'private, no-store' } });
}

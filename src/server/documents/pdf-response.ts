import 'server-only';
import { createTranslator } from 'use-intl/core';
import { loadMessages } from '@/messages';
import { isLocale } from '../i18n/locales';
import { PdfBusyError, PdfTimeoutError } from './render-pool';
import type { RenderedPdf } from './rendered';

type Options = {
  /** File name offered to the browser, without the extension. */
  filename: string;
  /** Language of the text when the PDF cannot be had now. */
  language: string;
  /** The route's own headers (Referrer-Policy, Cache-Control...), kept on every answer. */
  headers: Record<string, string>;
};

async function busyText(language: string, key: 'busy' | 'timeout'): Promise<string> {
  const locale = isLocale(language) ? language : 'en';
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'pdf' } as never) as unknown as (k: string) => string;
  return t(key);
}

/** True when the client's If-None-Match names this ETag (or is `*`). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * The HTTP answer for a document's PDF: the file, with a strong ETag when it is a stored one (and
 * 304 when the client already has it), or 503 with Retry-After and a short translated text when the
 * renderer is busy or the document ran out of time. Other errors go to the caller.
 */
export async function pdfResponse(req: Request, produce: () => Promise<RenderedPdf>, opts: Options): Promise<Response> {
  let pdf: RenderedPdf;
  try {
    pdf = await produce();
  } catch (e) {
    if (!(e instanceof PdfBusyError) && !(e instanceof PdfTimeoutError)) throw e;
    const retryAfter = e instanceof PdfBusyError ? e.retryAfterSeconds : 60;
    return new Response(await busyText(opts.language, e instanceof PdfBusyError ? 'busy' : 'timeout'), {
      status: 503,
      headers: { ...opts.headers, 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': String(retryAfter) },
    });
  }
  const etag: Record<string, string> = pdf.etag ? { ETag: pdf.etag } : {};
  if (pdf.etag && matches(req.headers.get('if-none-match'), pdf.etag)) return new Response(null, { status: 304, headers: { ...opts.headers, ...etag } });
  return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      ...opts.headers,
      ...etag,
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${opts.filename.replace(/[^\w.-]/g, '_')}.pdf"`,
    },
  });
}

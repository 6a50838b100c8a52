import { NextResponse, type NextRequest } from 'next/server';
import { trustedHops } from './server/net/client-address';

/**
 * Next 16's proxy (formerly middleware) runs before every page and route. It may set headers and
 * redirect; it never authorizes (every page, action and route handler authenticates itself).
 *
 * Content-Security-Policy with a fresh nonce per request: Next reads the policy from the request
 * headers and puts the nonce on the scripts it renders, so no inline script runs without it and
 * 'strict-dynamic' lets those scripts load the app's chunks. Styles: Tailwind's CSS is a file, but
 * React and Next write some style attributes, which a nonce cannot cover, so style-src keeps
 * 'unsafe-inline' (styles cannot run code; scripts are what CSP must stop).
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // The organization's logo is stored as a data: URL; downloads and previews may use blob:.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join('; ');
}

/** HTTPS as the browser sees it: the URL itself, or a trusted proxy's X-Forwarded-Proto. */
function servedOverHttps(req: NextRequest): boolean {
  if (req.nextUrl.protocol === 'https:') return true;
  return trustedHops(process.env) > 0 && req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function proxy(req: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', csp);
  // HSTS only means something over HTTPS; sent over plain HTTP it would be ignored (and wrong locally).
  if (servedOverHttps(req)) res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return res;
}

export const config = {
  matcher: [
    // Pages and routes; not Next's static files (they carry no HTML to protect).
    { source: '/((?!_next/static|_next/image|favicon.ico|icons/|manifest.webmanifest).*)' },
  ],
};

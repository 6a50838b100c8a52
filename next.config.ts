import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled. piscina
  // starts its worker threads from a file beside its own code (dist/worker.js), so it must stay in
  // node_modules too; the PDF worker it runs (src/server/documents/pdf/render-worker.cjs) is loaded
  // by path at run time, outside the bundle.
  // pg-boss (the job queue, started from src/instrumentation.ts) loads `pg` and its own files at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@react-pdf/renderer', 'piscina', 'pg-boss'],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          // Nothing in the app uses these; the share sheet is kept for sending quotation links.
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=(), web-share=(self)' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
      {
        // The customer's quotation link carries its token in the path: never leak it, never cache it.
        source: '/q/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'Cache-Control', value: 'private, no-store' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
    ];
  },
  experimental: {
    // Attachments up to 10 MB (FILES_MAX_BYTES) travel through a server action.
    serverActions: { bodySizeLimit: '11mb' },
  },
};

export default withNextIntl(nextConfig);

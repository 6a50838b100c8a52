import 'server-only';
import { createHash } from 'node:crypto';
import type { FileStore } from '../files/store';

/** A document's PDF as served: its bytes and, for a stored (immutable) one, a strong ETag. */
export type RenderedPdf = { bytes: Uint8Array; etag: string | null; stored: boolean };

/** A strong validator: the bytes' own hash, so the same file always has the same tag. */
export const etagOf = (bytes: Uint8Array) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;

/** The storage key of an immutable render, inside its organization's folder of the file store. */
export function renderKey(orgId: string, name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error('bad render name');
  return `${orgId}/renders/${name}.pdf`;
}

// Renders under way in this process, by key: two requests for the same new document share one.
const inFlight = new Map<string, Promise<RenderedPdf>>();

/**
 * An immutable document's PDF: read from the store, or rendered once and stored, then served from
 * there. Two app instances asking for a new document at the same moment may both render it (the
 * bytes differ only in the PDF's metadata); the store's write is atomic, so the last one stays and
 * nobody ever reads half a file.
 */
export async function storedRender(store: FileStore, key: string, render: () => Promise<Uint8Array>): Promise<RenderedPdf> {
  const bytes = await store.get(key);
  if (bytes) return { bytes, etag: etagOf(bytes), stored: true };
  let job = inFlight.get(key);
  if (!job) {
    job = (async () => {
      const fresh = await render();
      await store.put(key, fresh);
      return { bytes: fresh, etag: etagOf(fresh), stored: true };
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, job);
  }
  return job;
}

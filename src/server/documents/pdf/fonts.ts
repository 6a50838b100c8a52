import path from 'node:path';
import type { Font as FontStore } from '@react-pdf/renderer';

/** Noto Sans first (Latin, Vietnamese, Cyrillic), Noto Sans Thai for what it lacks: react-pdf picks per glyph. */
export const FONT_STACK = ['NotoSans', 'NotoSansThai'];

const THAI = /[\u0E00-\u0E7F]/;
const g = globalThis as unknown as { __pdfFonts?: boolean };

/**
 * react-pdf only breaks lines at spaces, and Thai is written without spaces between words. Thai words
 * come back from Intl.Segmenter; returning them with empty pieces between lets a line break there
 * without a hyphen. Everything else is never hyphenated.
 */
export function hyphenate(word: string): string[] {
  if (!THAI.test(word)) return [word];
  const parts = [...thaiSegmenter.segment(word)].map((s) => s.segment);
  return parts.flatMap((p, i) => (i === 0 ? [p] : ['', p]));
}
const thaiSegmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Registers the committed fonts once per process. */
export function registerFonts(Font: typeof FontStore): void {
  if (g.__pdfFonts) return;
  const dir = path.join(process.cwd(), 'assets', 'fonts');
  Font.register({
    family: 'NotoSans',
    fonts: [
      { src: path.join(dir, 'NotoSans-Regular.ttf'), fontWeight: 'normal' },
      { src: path.join(dir, 'NotoSans-Bold.ttf'), fontWeight: 'bold' },
    ],
  });
  Font.register({
    family: 'NotoSansThai',
    fonts: [
      { src: path.join(dir, 'NotoSansThai-Regular.ttf'), fontWeight: 'normal' },
      { src: path.join(dir, 'NotoSansThai-Bold.ttf'), fontWeight: 'bold' },
    ],
  });
  Font.registerHyphenationCallback(hyphenate);
  g.__pdfFonts = true;
}

/**
 * Empties fontkit's glyph cache; called after each document. Subsetting a composite glyph (most
 * Cyrillic and Vietnamese letters are built from Latin ones) caches its components with no code
 * points, and react-pdf maps glyphs back to text by their code points: every later document in
 * the same process lost those letters (after a Russian quotation, "Date" printed as "t"). The fonts
 * stay registered and parsed; only their glyph objects are made again.
 */
export function forgetGlyphs(Font: typeof FontStore): void {
  for (const family of Object.values(Font.getRegisteredFonts())) {
    for (const source of family.sources) {
      const data = source.data as { _glyphs?: unknown } | null;
      if (data && typeof data._glyphs === 'object') data._glyphs = {};
    }
  }
}

/** react-pdf drops text containing U+0E33 (SARA AM); its decomposition U+0E4D U+0E32 renders the same. */
export const pdfText = (s: string) => s.replace(/\u0E33/g, '\u0E4D\u0E32');

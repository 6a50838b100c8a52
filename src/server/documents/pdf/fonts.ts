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

/** react-pdf drops text containing U+0E33 (SARA AM); its decomposition U+0E4D U+0E32 renders the same. */
export const pdfText = (s: string) => s.replace(/\u0E33/g, '\u0E4D\u0E32');

/** The text of every page of a PDF, as a reader extracts it (pdf.js; no system tools needed). */
export async function pdfTextOf(pdf: Buffer | Uint8Array): Promise<{ text: string; pages: number }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('') + '\n';
  }
  return { text, pages: doc.numPages };
}

/** Line breaks, and the SARA AM the renderer writes as NIKHAHIT + SARA AA, undone for comparing. */
export const squash = (s: string) => s.replace(/\s+/g, '').replace(/\u0E4D\u0E32/g, '\u0E33');

import type * as ReactPdf from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import { FONT_STACK, forgetGlyphs, pdfText, registerFonts } from './fonts';
import { formatDay, formatQuantity } from './format';
import { printableLogo } from './logo';
import { deliveryNoteLabelsFor, type DeliveryNoteDocument, type DeliveryNoteLabels } from './delivery-note-labels';

// Same look as the quotation (quotation-pdf.tsx): plain style objects, react-pdf loaded on first render.
const s = {
  page: { fontFamily: FONT_STACK, fontSize: 9, paddingTop: 36, paddingBottom: 54, paddingHorizontal: 40, color: '#1e293b' },
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 16 },
  company: { maxWidth: 280 },
  logo: { width: 90, height: 40, objectFit: 'contain', marginBottom: 6 },
  legalName: { fontSize: 12, fontWeight: 'bold' },
  muted: { color: '#64748b' },
  titleBox: { alignItems: 'flex-end', maxWidth: 240 },
  title: { fontSize: 18, fontWeight: 'bold', color: '#3730a3', textAlign: 'right', lineHeight: 1.6, marginBottom: 2 },
  meta: { flexDirection: 'row', marginTop: 2 },
  metaLabel: { width: 90, color: '#64748b', textAlign: 'right', marginRight: 6 },
  parties: { flexDirection: 'row', gap: 12, marginBottom: 14 },
  box: { flex: 1, borderWidth: 1, borderColor: '#cbd5e1', borderRadius: 3, padding: 8 },
  boxTitle: { fontWeight: 'bold', marginBottom: 2 },
  th: { flexDirection: 'row', backgroundColor: '#eef2ff', borderBottomWidth: 1, borderColor: '#94a3b8', paddingVertical: 4, fontWeight: 'bold' },
  tr: { flexDirection: 'row', borderBottomWidth: 0.5, borderColor: '#e2e8f0', paddingVertical: 4 },
  cNo: { width: 34, paddingHorizontal: 2 },
  cDesc: { flex: 1, paddingHorizontal: 3 },
  cQty: { width: 70, textAlign: 'right', paddingHorizontal: 3 },
  cUnit: { width: 56, paddingHorizontal: 3 },
  section: { marginTop: 14 },
  sectionTitle: { fontWeight: 'bold', marginBottom: 2 },
  signatures: { flexDirection: 'row', gap: 12, marginTop: 28 },
  sign: { flex: 1, borderWidth: 1, borderColor: '#cbd5e1', borderRadius: 3, padding: 8 },
  signNote: { minHeight: 24 },
  signSpace: { minHeight: 44 },
  signLine: { borderBottomWidth: 0.75, borderColor: '#64748b', marginBottom: 3 },
  signRow: { flexDirection: 'row', marginTop: 4 },
  signLabel: { width: 40, color: '#64748b' },
  signValue: { flex: 1 },
  footerLeft: { position: 'absolute', bottom: 24, left: 40, right: 160, fontSize: 8, color: '#64748b' },
  footerRight: { position: 'absolute', bottom: 24, left: 400, right: 40, fontSize: 8, color: '#64748b', textAlign: 'right' },
} as const;

let pdf: typeof ReactPdf;
const T = ({ children, style }: { children: string; style?: object | object[] }) => <pdf.Text style={style as never}>{pdfText(children)}</pdf.Text>;

/** The delivery note as an A4 PDF in the order's language. Runs in a PDF worker thread (documents/render-pool.ts). */
export async function renderDeliveryNotePdf(doc: DeliveryNoteDocument): Promise<Buffer> {
  pdf ??= await import('@react-pdf/renderer');
  registerFonts(pdf.Font);
  try {
    return await pdf.renderToBuffer(<DeliveryNotePdf doc={doc} />);
  } finally {
    forgetGlyphs(pdf.Font);
  }
}

function DeliveryNotePdf({ doc }: { doc: DeliveryNoteDocument }) {
  const { Document, Image, Page, View } = pdf;
  const L = deliveryNoteLabelsFor(doc.language);
  const c = doc.company;
  const cu = doc.customer;
  const logo = printableLogo(c.logo);
  const qty = (v: string) => formatQuantity(v, doc.language);
  const office = (taxId: string, branch: string) => (taxId ? `${L.taxId} ${taxId} · ${branch || L.headOffice}` : '');
  const chrome = ({ children, pageNumber, totalPages }: ReactPdf.PageLayoutProps) => (
    <>
      {children}
      <View style={s.footerLeft}><T>{`${c.legalName} · ${L.title} ${doc.number}`}</T></View>
      <T style={s.footerRight}>{`${L.page} ${pageNumber} ${L.of} ${totalPages ?? ''}`}</T>
    </>
  );
  return (
    <Document title={`${L.title} ${doc.number}`} author={c.legalName} language={doc.language}>
      <Page size="A4" style={s.page} wrap layout={chrome}>
        <View style={s.header}>
          <View style={s.company}>
            {/* eslint-disable-next-line jsx-a11y/alt-text -- a PDF image has no alt text */}
            {logo ? <Image src={logo} style={s.logo} /> : null}
            <T style={s.legalName}>{c.legalName}</T>
            {c.address ? <T style={s.muted}>{c.address}</T> : null}
            {c.taxId ? <T style={s.muted}>{office(c.taxId, c.branch)}</T> : null}
          </View>
          <View style={s.titleBox}>
            <T style={s.title}>{L.title}</T>
            <View style={s.meta}><T style={s.metaLabel}>{L.number}</T><T>{doc.number}</T></View>
            <View style={s.meta}><T style={s.metaLabel}>{L.date}</T><T>{formatDay(doc.deliveredOn, doc.language)}</T></View>
            <View style={s.meta}><T style={s.metaLabel}>{L.order}</T><T>{doc.orderNumber}</T></View>
            {doc.customerReference ? <View style={s.meta}><T style={s.metaLabel}>{L.customerReference}</T><T>{doc.customerReference}</T></View> : null}
          </View>
        </View>
        <View style={s.parties}>
          <View style={s.box}>
            <T style={s.muted}>{L.deliverTo}</T>
            <T style={s.boxTitle}>{cu.name}</T>
            {cu.address ? <T>{cu.address}</T> : null}
            {cu.taxId ? <T>{office(cu.taxId, cu.branch)}</T> : null}
            {cu.contactName ? <T>{`${L.contact}: ${[cu.contactName, cu.contactPhone].filter(Boolean).join(' · ')}`}</T> : null}
          </View>
        </View>
        <View style={s.th} fixed>
          <T style={s.cNo}>{L.no}</T>
          <T style={s.cDesc}>{L.description}</T>
          <T style={s.cQty}>{L.ordered}</T>
          <T style={s.cQty}>{L.delivered}</T>
          <T style={s.cUnit}>{L.unit}</T>
        </View>
        {doc.lines.map((l) => (
          <View key={l.position} style={s.tr} wrap={false}>
            <T style={s.cNo}>{String(l.position)}</T>
            <View style={s.cDesc}>
              <T>{l.description}</T>
              {l.code ? <T style={s.muted}>{l.code}</T> : null}
            </View>
            <T style={s.cQty}>{qty(l.ordered)}</T>
            <T style={[s.cQty, { fontWeight: 'bold' }]}>{qty(l.quantity)}</T>
            <T style={s.cUnit}>{l.unit}</T>
          </View>
        ))}
        {doc.note ? (
          <View style={s.section}>
            <T style={s.sectionTitle}>{L.notes}</T>
            <T>{doc.note}</T>
          </View>
        ) : null}
        <View style={s.signatures} wrap={false}>
          <Signature title={L.deliveredBy} L={L} />
          <Signature title={L.receivedBy} note={L.receivedNote} L={L} />
        </View>
      </Page>
    </Document>
  );
}

function Signature({ title, note, L }: { title: string; note?: string; L: DeliveryNoteLabels }): ReactNode {
  const { View } = pdf;
  return (
    <View style={s.sign}>
      <T style={s.boxTitle}>{title}</T>
      <View style={s.signNote}>{note ? <T style={s.muted}>{note}</T> : null}</View>
      <View style={s.signSpace} />
      <View style={s.signLine} />
      <T style={s.muted}>{L.signature}</T>
      <View style={s.signRow}><T style={s.signLabel}>{L.name}</T><T style={s.signValue}>{' '}</T></View>
      <View style={s.signRow}><T style={s.signLabel}>{L.date}</T><T style={s.signValue}>{' '}</T></View>
    </View>
  );
}

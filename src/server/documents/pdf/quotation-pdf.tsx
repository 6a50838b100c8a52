import type * as ReactPdf from '@react-pdf/renderer';
import type { ReactNode } from 'react';
import type { QuotationDocument } from './types';
import { FONT_STACK, forgetGlyphs, pdfText, registerFonts } from './fonts';
import { formatAmount, formatDateTime, formatDay, formatQuantity } from './format';
import { printableLogo } from './logo';
import { amountInWords } from '../amount-in-words';
import { labelsFor, type Labels } from './labels';

// Plain style objects: react-pdf is loaded on first render (see renderQuotationPdf).
const s = {
  // No lineHeight on the page: in react-pdf 4.9 it blanks render-prop texts (the page numbers).
  page: { fontFamily: FONT_STACK, fontSize: 9, paddingTop: 36, paddingBottom: 54, paddingHorizontal: 40, color: '#1e293b' },
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 16 },
  company: { maxWidth: 280 },
  logo: { width: 90, height: 40, objectFit: 'contain', marginBottom: 6 },
  legalName: { fontSize: 12, fontWeight: 'bold' },
  muted: { color: '#64748b' },
  titleBox: { alignItems: 'flex-end', maxWidth: 220 },
  title: { fontSize: 18, fontWeight: 'bold', color: '#3730a3', textAlign: 'right', lineHeight: 1.6, marginBottom: 2 },
  stamp: { marginTop: 4, fontSize: 11, fontWeight: 'bold', color: '#b91c1c', textAlign: 'right' },
  meta: { flexDirection: 'row', marginTop: 2 },
  metaLabel: { width: 80, color: '#64748b', textAlign: 'right', marginRight: 6 },
  parties: { flexDirection: 'row', gap: 12, marginBottom: 14 },
  box: { flex: 1, borderWidth: 1, borderColor: '#cbd5e1', borderRadius: 3, padding: 8 },
  boxTitle: { fontWeight: 'bold', marginBottom: 2 },
  th: { flexDirection: 'row', backgroundColor: '#eef2ff', borderBottomWidth: 1, borderColor: '#94a3b8', paddingVertical: 4, fontWeight: 'bold' },
  tr: { flexDirection: 'row', borderBottomWidth: 0.5, borderColor: '#e2e8f0', paddingVertical: 4 },
  cNo: { width: 34, paddingHorizontal: 2 },
  cDesc: { flex: 1, paddingHorizontal: 3 },
  cQty: { width: 58, textAlign: 'right', paddingHorizontal: 3 },
  cPrice: { width: 70, textAlign: 'right', paddingHorizontal: 3 },
  cDisc: { width: 52, textAlign: 'right', paddingHorizontal: 3 },
  cAmt: { width: 78, textAlign: 'right', paddingHorizontal: 3 },
  totals: { marginTop: 10, marginLeft: 'auto', width: 250 },
  words: { marginTop: 4, flexDirection: 'row', justifyContent: 'flex-end', gap: 6 },
  wordsText: { maxWidth: 400, fontWeight: 'bold', textAlign: 'right' },
  signatures: { flexDirection: 'row', gap: 12, marginTop: 24 },
  sign: { flex: 1, borderWidth: 1, borderColor: '#cbd5e1', borderRadius: 3, padding: 8 },
  signSpace: { minHeight: 44, paddingVertical: 4, justifyContent: 'center' },
  signLine: { borderBottomWidth: 0.75, borderColor: '#64748b', marginBottom: 3 },
  signRow: { flexDirection: 'row', marginTop: 4 },
  signLabel: { width: 40, color: '#64748b' },
  signValue: { flex: 1 },
  accepted: { borderWidth: 1.5, borderColor: '#15803d', borderRadius: 3, paddingVertical: 3, paddingHorizontal: 5, color: '#15803d', fontWeight: 'bold' },
  totalRow: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 2 },
  grand: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 4, marginTop: 2, borderTopWidth: 1, borderColor: '#1e293b', fontSize: 11, fontWeight: 'bold' },
  section: { marginTop: 14 },
  sectionTitle: { fontWeight: 'bold', marginBottom: 2 },
  footerLeft: { position: 'absolute', bottom: 24, left: 40, right: 160, fontSize: 8, color: '#64748b' },
  footerRight: { position: 'absolute', bottom: 24, left: 400, right: 40, fontSize: 8, color: '#64748b', textAlign: 'right' },
} as const;

type Pdf = typeof ReactPdf;
let pdf: Pdf;
/** Every printed string goes through pdfText (SARA AM). */
const T = ({ children, style }: { children: string; style?: object | object[] }) => <pdf.Text style={style as never}>{pdfText(children)}</pdf.Text>;

/**
 * The quotation as an A4 PDF, in the document's language. Runs in a PDF worker thread (see
 * documents/render-pool.ts), one document at a time. react-pdf is imported here, natively: it is
 * ESM-only, and code compiled to CommonJS would otherwise require() it. Fonts are registered once
 * per worker.
 */
export async function renderQuotationPdf(doc: QuotationDocument): Promise<Buffer> {
  pdf ??= await import('@react-pdf/renderer');
  registerFonts(pdf.Font);
  try {
    return await pdf.renderToBuffer(<QuotationPdf doc={doc} />);
  } finally {
    forgetGlyphs(pdf.Font);
  }
}

function QuotationPdf({ doc }: { doc: QuotationDocument }) {
  const { Document, Image, Page, View } = pdf;
  const L = labelsFor(doc.language);
  const money = (v: string) => formatAmount(v, doc.currency, doc.language);
  const c = doc.company;
  const cu = doc.customer;
  const stamp = doc.number == null ? L.draft : doc.status in L.status ? L.status[doc.status as keyof typeof L.status] : '';
  const logo = printableLogo(c.logo);
  const words = totalInWords(doc);
  const acceptedAt = doc.status === 'accepted' && doc.acceptedAt ? formatDateTime(doc.acceptedAt, doc.language, doc.timeZone) : '';
  const office = (taxId: string, branch: string) => (taxId ? `${L.taxId} ${taxId}${branch ? ` · ${branch}` : ` · ${L.headOffice}`}` : '');
  const footer = `${c.legalName} · ${L.title} ${doc.number ?? L.draft}`;
  // The footer is page chrome (the page's `layout`), which opts into react-pdf's newer pagination:
  // content is measured once and packed into pages. The older engine laid out everything still to
  // come again for every page it cut, twice with a page-number render prop on the page, so render
  // time grew with lines x pages (bench/README.md: 500 long Thai lines took 46 s, now 5 s).
  const chrome = ({ children, pageNumber, totalPages }: ReactPdf.PageLayoutProps) => (
    <>
      {children}
      <View style={s.footerLeft}><T>{footer}</T></View>
      <T style={s.footerRight}>{`${L.page} ${pageNumber} ${L.of} ${totalPages ?? ''}`}</T>
    </>
  );
  return (
    <Document title={`${L.title} ${doc.number ?? L.draft}`} author={c.legalName} language={doc.language}>
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
            {stamp ? <T style={s.stamp}>{stamp}</T> : null}
            <View style={s.meta}><T style={s.metaLabel}>{L.number}</T><T>{doc.number ?? '—'}</T></View>
            {doc.revision > 1 ? <View style={s.meta}><T style={s.metaLabel}>{L.revision}</T><T>{String(doc.revision)}</T></View> : null}
            <View style={s.meta}><T style={s.metaLabel}>{L.date}</T><T>{formatDay(doc.issueDate, doc.language)}</T></View>
            <View style={s.meta}><T style={s.metaLabel}>{L.validUntil}</T><T>{formatDay(doc.validUntil, doc.language)}</T></View>
            <View style={s.meta}><T style={s.metaLabel}>{L.currency}</T><T>{doc.currency}</T></View>
          </View>
        </View>
        <View style={s.parties}>
          <View style={s.box}>
            <T style={[s.muted]}>{L.customer}</T>
            <T style={s.boxTitle}>{cu.name}</T>
            {cu.address ? <T>{cu.address}</T> : null}
            {cu.taxId ? <T>{office(cu.taxId, cu.branch)}</T> : null}
            {cu.contactName ? <T>{`${L.contact}: ${[cu.contactName, cu.contactEmail, cu.contactPhone].filter(Boolean).join(' · ')}`}</T> : null}
          </View>
          <View style={s.box}>
            <T style={[s.muted]}>{L.salesperson}</T>
            <T style={s.boxTitle}>{doc.salesperson.name}</T>
            <T>{doc.salesperson.email}</T>
          </View>
        </View>
        <View style={s.th} fixed>
          <T style={s.cNo}>{L.no}</T>
          <T style={s.cDesc}>{L.description}</T>
          <T style={s.cQty}>{L.qty}</T>
          <T style={s.cPrice}>{L.unitPrice}</T>
          <T style={s.cDisc}>{L.discount}</T>
          <T style={s.cAmt}>{L.amount}</T>
        </View>
        {doc.lines.map((l) => (
          <View key={l.position} style={s.tr} wrap={false}>
            <T style={s.cNo}>{String(l.position)}</T>
            <View style={s.cDesc}>
              <T>{l.description}</T>
              {l.code ? <T style={s.muted}>{l.code}</T> : null}
            </View>
            <T style={s.cQty}>{`${formatQuantity(l.quantity, doc.language)} ${l.unit}`.trim()}</T>
            <T style={s.cPrice}>{money(l.unitPrice)}</T>
            <T style={s.cDisc}>{l.discountLabel.endsWith('%') ? l.discountLabel : l.discountLabel ? money(l.discountLabel) : ''}</T>
            <T style={s.cAmt}>{money(l.net)}</T>
          </View>
        ))}
        {/* The totals and the total in words stay together. */}
        <View wrap={false}>
          <View style={s.totals}>
            <Row label={L.subtotal} value={money(doc.subtotal)} />
            {Number(doc.lineDiscountTotal) ? <Row label={`(${L.lineDiscounts} ${money(doc.lineDiscountTotal)})`} value="" muted /> : null}
            {Number(doc.documentDiscount) ? <Row label={L.documentDiscount} value={`−${money(doc.documentDiscount)}`} /> : null}
            <Row label={L.taxBase} value={money(doc.taxBase)} />
            {doc.taxes.map((t, i) => <Row key={i} label={t.label || `VAT ${t.rate}%`} value={money(t.tax)} />)}
            <View style={s.grand}>
              <T>{L.grandTotal}</T>
              <T>{formatAmount(doc.grandTotal, doc.currency, doc.language, true)}</T>
            </View>
            {doc.pricesIncludeTax ? <T style={s.muted}>{L.pricesIncludeTax}</T> : null}
          </View>
          {words ? (
            <View style={s.words}>
              <T style={s.muted}>{`${L.inWords}:`}</T>
              <T style={s.wordsText}>{`(${words})`}</T>
            </View>
          ) : null}
        </View>
        {doc.terms ? (
          <View style={s.section}>
            <T style={s.sectionTitle}>{L.terms}</T>
            <T>{doc.terms}</T>
          </View>
        ) : null}
        {doc.notes ? (
          <View style={s.section}>
            <T style={s.sectionTitle}>{L.notes}</T>
            <T>{doc.notes}</T>
          </View>
        ) : null}
        {/* One block: three signature boxes are never cut across two pages. */}
        <View style={s.signatures} wrap={false}>
          <Signature title={L.preparedBy} name={doc.salesperson.name} L={L} />
          <Signature title={L.approvedBy} name={doc.approvedBy?.name} date={doc.approvedBy ? formatDateTime(doc.approvedBy.at, doc.language, doc.timeZone) : ''} L={L} />
          <Signature title={L.customerAcceptance} name={acceptedAt ? (doc.acceptedName ?? '') : ''} date={acceptedAt} L={L}
            stamp={acceptedAt ? L.acceptedBy.replace('{name}', doc.acceptedName ?? '').replace('{at}', acceptedAt) : ''} />
        </View>
      </Page>
    </Document>
  );
}

/** The total in words, where the document's language is the currency's own (Thai baht, Vietnamese đồng, Russian rubles). */
const WORDS_LANGUAGE: Record<string, string> = { THB: 'th', VND: 'vi', RUB: 'ru' };
function totalInWords(doc: QuotationDocument): string | null {
  if (WORDS_LANGUAGE[doc.currency] !== doc.language) return null;
  return amountInWords(doc.grandTotal, doc.currency);
}

function Signature({ title, name, date, stamp, L }: { title: string; name?: string; date?: string; stamp?: string; L: Labels }): ReactNode {
  const { View } = pdf;
  return (
    <View style={s.sign}>
      <T style={s.boxTitle}>{title}</T>
      <View style={s.signSpace}>{stamp ? <T style={s.accepted}>{stamp}</T> : null}</View>
      <View style={s.signLine} />
      <T style={s.muted}>{L.signature}</T>
      <View style={s.signRow}><T style={s.signLabel}>{L.name}</T><T style={s.signValue}>{name || ' '}</T></View>
      <View style={s.signRow}><T style={s.signLabel}>{L.date}</T><T style={s.signValue}>{date || ' '}</T></View>
    </View>
  );
}

function Row({ label, value, muted }: { label: string; value: string; muted?: boolean }): ReactNode {
  const { View } = pdf;
  return (
    <View style={s.totalRow}>
      <T style={muted ? s.muted : undefined}>{label}</T>
      <T>{value}</T>
    </View>
  );
}

/** Everything a quotation PDF prints, already computed and formatted-ready (amounts are decimal strings). */
export type QuotationDocument = {
  /** Document language: 'en' | 'th' | 'vi' | 'ru'; may differ from the user's. */
  language: string;
  /** IANA time zone of the organization, for dates. */
  timeZone: string;
  currency: string;
  company: { legalName: string; address: string; taxId: string; branch: string; logo: string | null /* data: URL (png, jpeg or webp) */ };
  customer: { name: string; address: string; taxId: string; branch: string; contactName: string; contactEmail: string; contactPhone: string };
  /** null for a draft (drafts have no number; the PDF then says DRAFT). */
  number: string | null;
  revision: number;
  status: 'draft' | 'sent' | 'accepted' | 'declined' | 'revised' | 'expired';
  /** 'YYYY-MM-DD' */
  issueDate: string;
  validUntil: string;
  salesperson: { name: string; email: string };
  /** The manager who approved the discount of this version, and when (ISO instant); null when none was needed. */
  approvedBy?: { name: string; at: string } | null;
  /** What the customer typed when accepting, and when (ISO instant); null unless accepted. */
  acceptedName?: string | null;
  acceptedAt?: string | null;
  pricesIncludeTax: boolean;
  lines: {
    position: number;
    code: string;
    description: string;
    unit: string;
    quantity: string;
    unitPrice: string;
    /** Shown as e.g. "10 %" or an amount; '' when no discount. */
    discountLabel: string;
    net: string;
  }[];
  subtotal: string;
  lineDiscountTotal: string;
  documentDiscount: string;
  taxBase: string;
  taxes: { label: string; rate: string; base: string; tax: string }[];
  taxTotal: string;
  grandTotal: string;
  terms: string;
  notes: string;
};

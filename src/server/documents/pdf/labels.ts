/** Words printed on a quotation, in the document's language (which may differ from the user's). */
export type Labels = {
  title: string; number: string; date: string; validUntil: string; customer: string; taxId: string; headOffice: string; branch: string;
  contact: string; salesperson: string; no: string; code: string; description: string; qty: string; unit: string; unitPrice: string;
  discount: string; amount: string; subtotal: string; lineDiscounts: string; documentDiscount: string; taxBase: string; grandTotal: string;
  terms: string; notes: string; pricesIncludeTax: string; draft: string; revision: string; page: string; of: string;
  status: Record<'accepted' | 'declined' | 'expired' | 'revised', string>; currency: string;
  /** The total in words, printed under the grand total. */
  inWords: string;
  preparedBy: string; approvedBy: string; customerAcceptance: string; name: string; signature: string;
  /** The acceptance stamp; {name} and {at} are replaced. */
  acceptedBy: string;
};

export const LABELS: Record<'en' | 'th' | 'vi' | 'ru', Labels> = {
  en: {
    title: 'Quotation', number: 'No.', date: 'Date', validUntil: 'Valid until', customer: 'Customer', taxId: 'Tax ID', headOffice: 'Head office', branch: 'Branch',
    contact: 'Contact', salesperson: 'Salesperson', no: '#', code: 'Code', description: 'Description', qty: 'Qty', unit: 'Unit', unitPrice: 'Unit price',
    discount: 'Discount', amount: 'Amount', subtotal: 'Subtotal', lineDiscounts: 'incl. line discounts', documentDiscount: 'Discount', taxBase: 'Amount before VAT',
    grandTotal: 'Grand total', terms: 'Terms and conditions', notes: 'Notes', pricesIncludeTax: 'Prices include VAT', draft: 'DRAFT', revision: 'Revision',
    page: 'Page', of: 'of', status: { accepted: 'ACCEPTED', declined: 'DECLINED', expired: 'EXPIRED', revised: 'SUPERSEDED' }, currency: 'Currency',
    inWords: 'Amount in words', preparedBy: 'Prepared by', approvedBy: 'Approved by', customerAcceptance: 'Customer acceptance', name: 'Name', signature: 'Signature',
    acceptedBy: 'ACCEPTED by {name} on {at}',
  },
  th: {
    title: 'ใบเสนอราคา', number: 'เลขที่', date: 'วันที่', validUntil: 'ยืนราคาถึง', customer: 'ลูกค้า', taxId: 'เลขประจำตัวผู้เสียภาษี', headOffice: 'สำนักงานใหญ่', branch: 'สาขา',
    contact: 'ผู้ติดต่อ', salesperson: 'พนักงานขาย', no: 'ลำดับ', code: 'รหัส', description: 'รายการ', qty: 'จำนวน', unit: 'หน่วย', unitPrice: 'ราคาต่อหน่วย',
    discount: 'ส่วนลด', amount: 'จำนวนเงิน', subtotal: 'รวมเป็นเงิน', lineDiscounts: 'รวมส่วนลดรายการ', documentDiscount: 'ส่วนลด', taxBase: 'ยอดก่อนภาษีมูลค่าเพิ่ม',
    grandTotal: 'จำนวนเงินรวมทั้งสิ้น', terms: 'เงื่อนไข', notes: 'หมายเหตุ', pricesIncludeTax: 'ราคารวมภาษีมูลค่าเพิ่มแล้ว', draft: 'ฉบับร่าง', revision: 'ฉบับแก้ไขที่',
    page: 'หน้า', of: 'จาก', status: { accepted: 'ยอมรับแล้ว', declined: 'ถูกปฏิเสธ', expired: 'หมดอายุ', revised: 'ถูกแทนที่' }, currency: 'สกุลเงิน',
    inWords: 'จำนวนเงินตัวอักษร', preparedBy: 'ผู้จัดทำ', approvedBy: 'ผู้อนุมัติ', customerAcceptance: 'ลูกค้าตกลงยอมรับ', name: 'ชื่อ', signature: 'ลงชื่อ',
    acceptedBy: 'ยอมรับแล้วโดย {name} เมื่อ {at}',
  },
  vi: {
    title: 'Báo giá', number: 'Số', date: 'Ngày', validUntil: 'Hiệu lực đến', customer: 'Khách hàng', taxId: 'Mã số thuế', headOffice: 'Trụ sở chính', branch: 'Chi nhánh',
    contact: 'Người liên hệ', salesperson: 'Nhân viên kinh doanh', no: 'STT', code: 'Mã', description: 'Diễn giải', qty: 'SL', unit: 'ĐVT', unitPrice: 'Đơn giá',
    discount: 'Chiết khấu', amount: 'Thành tiền', subtotal: 'Cộng tiền hàng', lineDiscounts: 'đã gồm chiết khấu dòng', documentDiscount: 'Chiết khấu', taxBase: 'Tiền trước thuế GTGT',
    grandTotal: 'Tổng cộng thanh toán', terms: 'Điều khoản', notes: 'Ghi chú', pricesIncludeTax: 'Giá đã bao gồm thuế GTGT', draft: 'BẢN NHÁP', revision: 'Phiên bản',
    page: 'Trang', of: '/', status: { accepted: 'ĐÃ CHẤP NHẬN', declined: 'BỊ TỪ CHỐI', expired: 'HẾT HẠN', revised: 'ĐÃ THAY THẾ' }, currency: 'Tiền tệ',
    inWords: 'Số tiền bằng chữ', preparedBy: 'Người lập', approvedBy: 'Người duyệt', customerAcceptance: 'Khách hàng chấp nhận', name: 'Họ tên', signature: 'Chữ ký',
    acceptedBy: 'ĐÃ CHẤP NHẬN bởi {name} lúc {at}',
  },
  ru: {
    title: 'Коммерческое предложение', number: '№', date: 'Дата', validUntil: 'Действительно до', customer: 'Покупатель', taxId: 'ИНН', headOffice: 'Головной офис', branch: 'Филиал',
    contact: 'Контактное лицо', salesperson: 'Менеджер', no: '№', code: 'Код', description: 'Наименование', qty: 'Кол-во', unit: 'Ед.', unitPrice: 'Цена',
    discount: 'Скидка', amount: 'Сумма', subtotal: 'Итого', lineDiscounts: 'с учётом скидок по строкам', documentDiscount: 'Скидка', taxBase: 'Сумма без НДС',
    grandTotal: 'Всего к оплате', terms: 'Условия', notes: 'Примечания', pricesIncludeTax: 'Цены включают НДС', draft: 'ЧЕРНОВИК', revision: 'Редакция',
    page: 'Стр.', of: 'из', status: { accepted: 'ПРИНЯТО', declined: 'ОТКЛОНЕНО', expired: 'ИСТЕКЛО', revised: 'ЗАМЕНЕНО' }, currency: 'Валюта',
    inWords: 'Сумма прописью', preparedBy: 'Составил', approvedBy: 'Утвердил', customerAcceptance: 'Согласовано покупателем', name: 'ФИО', signature: 'Подпись',
    acceptedBy: 'ПРИНЯТО: {name}, {at}',
  },
};

export const labelsFor = (language: string): Labels => LABELS[language as keyof typeof LABELS] ?? LABELS.en;

/** Everything a delivery note PDF prints, already read and checked by the caller (quantities are decimal strings). */
export type DeliveryNoteDocument = {
  /** The order's language: 'en' | 'th' | 'vi' | 'ru'. */
  language: string;
  company: { legalName: string; address: string; taxId: string; branch: string; logo: string | null };
  customer: { name: string; address: string; taxId: string; branch: string; contactName: string; contactPhone: string };
  number: string;
  /** 'YYYY-MM-DD' */
  deliveredOn: string;
  orderNumber: string;
  customerReference: string;
  note: string;
  lines: { position: number; code: string; description: string; unit: string; ordered: string; quantity: string }[];
};

/** Words printed on a delivery note, in the document's language. */
export type DeliveryNoteLabels = {
  title: string; number: string; date: string; order: string; customerReference: string; deliverTo: string; from: string; taxId: string; headOffice: string;
  contact: string; no: string; description: string; ordered: string; delivered: string; unit: string; notes: string; deliveredBy: string; receivedBy: string;
  receivedNote: string; name: string; signature: string; page: string; of: string;
};

export const DELIVERY_NOTE_LABELS: Record<'en' | 'th' | 'vi' | 'ru', DeliveryNoteLabels> = {
  en: {
    title: 'Delivery note', number: 'No.', date: 'Date', order: 'Order', customerReference: 'Your PO', deliverTo: 'Deliver to', from: 'From', taxId: 'Tax ID',
    headOffice: 'Head office', contact: 'Contact', no: '#', description: 'Description', ordered: 'Ordered', delivered: 'Delivered', unit: 'Unit', notes: 'Notes',
    deliveredBy: 'Delivered by', receivedBy: 'Received by', receivedNote: 'Goods received in good order and condition', name: 'Name', signature: 'Signature',
    page: 'Page', of: 'of',
  },
  th: {
    title: 'ใบส่งของ', number: 'เลขที่', date: 'วันที่', order: 'ใบสั่งขาย', customerReference: 'ใบสั่งซื้อลูกค้า', deliverTo: 'ส่งถึง', from: 'ผู้ส่ง', taxId: 'เลขประจำตัวผู้เสียภาษี',
    headOffice: 'สำนักงานใหญ่', contact: 'ผู้ติดต่อ', no: 'ลำดับ', description: 'รายการ', ordered: 'จำนวนสั่ง', delivered: 'จำนวนส่ง', unit: 'หน่วย', notes: 'หมายเหตุ',
    deliveredBy: 'ผู้ส่งของ', receivedBy: 'ผู้รับของ', receivedNote: 'ได้รับสินค้าตามรายการข้างต้นไว้ถูกต้องในสภาพเรียบร้อย', name: 'ชื่อ', signature: 'ลงชื่อ',
    page: 'หน้า', of: 'จาก',
  },
  vi: {
    title: 'Phiếu giao hàng', number: 'Số', date: 'Ngày', order: 'Đơn hàng', customerReference: 'Số PO của khách', deliverTo: 'Giao đến', from: 'Bên giao', taxId: 'Mã số thuế',
    headOffice: 'Trụ sở chính', contact: 'Người liên hệ', no: 'STT', description: 'Diễn giải', ordered: 'SL đặt', delivered: 'SL giao', unit: 'ĐVT', notes: 'Ghi chú',
    deliveredBy: 'Người giao hàng', receivedBy: 'Người nhận hàng', receivedNote: 'Đã nhận đủ hàng, đúng quy cách, nguyên vẹn', name: 'Họ tên', signature: 'Chữ ký',
    page: 'Trang', of: '/',
  },
  ru: {
    title: 'Накладная на отгрузку', number: '№', date: 'Дата', order: 'Заказ', customerReference: 'Ваш заказ', deliverTo: 'Грузополучатель', from: 'Грузоотправитель', taxId: 'ИНН',
    headOffice: 'Головной офис', contact: 'Контактное лицо', no: '№', description: 'Наименование', ordered: 'Заказано', delivered: 'Отгружено', unit: 'Ед.', notes: 'Примечания',
    deliveredBy: 'Отпустил', receivedBy: 'Получил', receivedNote: 'Товар получен в надлежащем количестве и состоянии', name: 'ФИО', signature: 'Подпись',
    page: 'Стр.', of: 'из',
  },
};

export const deliveryNoteLabelsFor = (language: string): DeliveryNoteLabels =>
  DELIVERY_NOTE_LABELS[language as keyof typeof DELIVERY_NOTE_LABELS] ?? DELIVERY_NOTE_LABELS.en;

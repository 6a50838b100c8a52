import type { Locale } from '../i18n/locales';

type Stage = { name: string; probability: number; kind: 'open' | 'won' | 'lost' };

/** The classic five stages, named in the organization's language when it is created. */
const NAMES: Record<Locale, { pipeline: string; stages: string[]; reasons: string[] }> = {
  en: { pipeline: 'Sales', stages: ['Qualified', 'Proposal submitted', 'Negotiating', 'Sale agreed', 'Sale lost'], reasons: ['Price', 'Chose a competitor', 'No budget', 'No decision', 'Timing'] },
  th: { pipeline: 'งานขาย', stages: ['ผ่านการคัดกรอง', 'ส่งข้อเสนอแล้ว', 'กำลังเจรจา', 'ตกลงซื้อ', 'ไม่ได้งาน'], reasons: ['ราคา', 'เลือกคู่แข่ง', 'ไม่มีงบประมาณ', 'ยังไม่ตัดสินใจ', 'จังหวะเวลา'] },
  vi: { pipeline: 'Bán hàng', stages: ['Đã xác định', 'Đã gửi đề xuất', 'Đang đàm phán', 'Chốt đơn', 'Mất cơ hội'], reasons: ['Giá', 'Chọn đối thủ', 'Không có ngân sách', 'Chưa quyết định', 'Thời điểm'] },
  ru: { pipeline: 'Продажи', stages: ['Квалифицирована', 'Предложение отправлено', 'Переговоры', 'Сделка заключена', 'Сделка проиграна'], reasons: ['Цена', 'Выбрали конкурента', 'Нет бюджета', 'Нет решения', 'Сроки'] },
};
const PROBABILITIES = [10, 30, 60, 100, 0];
const KINDS: Stage['kind'][] = ['open', 'open', 'open', 'won', 'lost'];

export function defaultPipeline(locale: Locale): { name: string; stages: Stage[]; reasons: string[] } {
  const n = NAMES[locale] ?? NAMES.en;
  return {
    name: n.pipeline,
    stages: n.stages.map((name, i) => ({ name, probability: PROBABILITIES[i], kind: KINDS[i] })),
    reasons: n.reasons,
  };
}

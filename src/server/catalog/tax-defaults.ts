/**
 * The tax rates a new organization starts with, per country: data, not logic. Each rate is dated;
 * a document takes the period in force on its date. When a law or decree changes a rate, an admin
 * ends the current period and adds the next one under Admin › Tax rates; this file only seeds new
 * organizations (and is what the demo company gets).
 *
 * 2000-01-01 (the earliest date the app accepts) stands for "in force since before any document
 * here". No period has an end date that was not published as law.
 */
import type { Locale } from '../i18n/locales';

export const COUNTRIES = ['TH', 'VN', 'RU'] as const;
export type Country = (typeof COUNTRIES)[number];

type Text = Record<Locale, string>;
export type DefaultPeriod = { rate: string; validFrom: string; validTo: string | null; note?: Text };
export type DefaultRate = { kind: 'vat' | 'zero' | 'exempt'; isDefault?: boolean; name: Text; periods: DefaultPeriod[] };

const SINCE_EVER = '2000-01-01';

const vat: Text = { en: 'VAT', th: 'ภาษีมูลค่าเพิ่ม', vi: 'Thuế GTGT', ru: 'НДС' };
const zeroRated: Text = { en: 'Zero-rated 0%', th: 'ภาษีมูลค่าเพิ่มอัตรา 0%', vi: 'Thuế suất 0%', ru: 'НДС 0%' };
const exempt: Text = { en: 'VAT exempt', th: 'ยกเว้นภาษีมูลค่าเพิ่ม', vi: 'Không chịu thuế GTGT', ru: 'Без НДС' };
const zero = (name: Text = zeroRated): DefaultRate => ({ kind: 'zero', name, periods: [{ rate: '0', validFrom: SINCE_EVER, validTo: null }] });
const none = (): DefaultRate => ({ kind: 'exempt', name: exempt, periods: [{ rate: '0', validFrom: SINCE_EVER, validTo: null }] });

export const TAX_DEFAULTS: Record<Country, DefaultRate[]> = {
  // Thailand: the Revenue Code's rate is 10 %; royal decrees reduce it to 7 % for fixed periods and
  // have been renewed each time. The end of the decree in force is not recorded here: when a decree
  // is published, the admin ends this period and adds the next one.
  TH: [
    {
      kind: 'vat',
      isDefault: true,
      name: vat,
      periods: [
        {
          rate: '7',
          validFrom: SINCE_EVER,
          validTo: null,
          note: {
            en: 'Statutory rate 10 %, reduced to 7 % by royal decree for fixed periods and renewed so far. When a new decree is published, end this period and add the next.',
            th: 'อัตราตามประมวลรัษฎากรร้อยละ 10 ลดเหลือร้อยละ 7 โดยพระราชกฤษฎีกาเป็นช่วงเวลาและต่ออายุมาโดยตลอด เมื่อมีพระราชกฤษฎีกาฉบับใหม่ ให้สิ้นสุดช่วงนี้และเพิ่มช่วงถัดไป',
            vi: 'Thuế suất luật định 10 %, giảm còn 7 % theo sắc lệnh hoàng gia cho từng thời hạn và đến nay luôn được gia hạn. Khi có sắc lệnh mới, hãy kết thúc giai đoạn này và thêm giai đoạn tiếp theo.',
            ru: 'Ставка по Налоговому кодексу 10 %, снижена до 7 % королевским декретом на фиксированные сроки и до сих пор продлевалась. Когда выйдет новый декрет, завершите этот период и добавьте следующий.',
          },
        },
      ],
    },
    zero(),
    none(),
  ],
  // Vietnam: 10 % standard, 5 % for essential goods; the 2 % reduction (10 % -> 8 %) for most goods
  // and services runs from 2025-07-01 to 2026-12-31, after which the same rate is 10 % again.
  VN: [
    {
      kind: 'vat',
      isDefault: true,
      name: { en: 'VAT reduced', th: 'ภาษีมูลค่าเพิ่มอัตราลดหย่อน', vi: 'Thuế GTGT được giảm', ru: 'НДС, сниженная ставка' },
      periods: [
        {
          rate: '8',
          validFrom: '2025-07-01',
          validTo: '2026-12-31',
          note: {
            en: '2 % reduction of the 10 % rate for most goods and services (National Assembly resolution of 2025).',
            th: 'ลดอัตราร้อยละ 10 ลงร้อยละ 2 สำหรับสินค้าและบริการส่วนใหญ่ (มติสภาแห่งชาติ ปี 2025)',
            vi: 'Giảm 2 % thuế suất 10 % đối với phần lớn hàng hóa, dịch vụ (Nghị quyết của Quốc hội năm 2025).',
            ru: 'Снижение ставки 10 % на 2 п. п. для большинства товаров и услуг (резолюция Национального собрания 2025 г.).',
          },
        },
        { rate: '10', validFrom: '2027-01-01', validTo: null },
      ],
    },
    { kind: 'vat', name: vat, periods: [{ rate: '10', validFrom: SINCE_EVER, validTo: null }] },
    {
      kind: 'vat',
      name: { en: 'VAT essential goods', th: 'ภาษีมูลค่าเพิ่มสินค้าจำเป็น', vi: 'Thuế GTGT hàng thiết yếu', ru: 'НДС, товары первой необходимости' },
      periods: [{ rate: '5', validFrom: SINCE_EVER, validTo: null }],
    },
    zero(),
    none(),
  ],
  // Russia: 20 % from 2019-01-01, 22 % from 2026-01-01; the 10 % reduced rate is kept.
  RU: [
    {
      kind: 'vat',
      isDefault: true,
      name: vat,
      periods: [
        { rate: '20', validFrom: '2019-01-01', validTo: '2025-12-31' },
        {
          rate: '22',
          validFrom: '2026-01-01',
          validTo: null,
          note: {
            en: 'Standard rate raised from 20 % on 1 January 2026.',
            th: 'อัตราทั่วไปปรับขึ้นจากร้อยละ 20 ตั้งแต่ 1 มกราคม 2026',
            vi: 'Thuế suất phổ thông tăng từ 20 % kể từ ngày 1/1/2026.',
            ru: 'Общая ставка повышена с 20 % с 1 января 2026 года.',
          },
        },
      ],
    },
    {
      kind: 'vat',
      name: { en: 'VAT reduced', th: 'ภาษีมูลค่าเพิ่มอัตราลดหย่อน', vi: 'Thuế GTGT ưu đãi', ru: 'НДС, льготная ставка' },
      periods: [{ rate: '10', validFrom: SINCE_EVER, validTo: null }],
    },
    zero(),
    none(),
  ],
};

/** The country an organization's currency suggests, for organizations that have not said. */
export function countryOfCurrency(currency: string): Country {
  return currency === 'VND' ? 'VN' : currency === 'RUB' ? 'RU' : 'TH';
}

export const isCountry = (v: string): v is Country => (COUNTRIES as readonly string[]).includes(v);

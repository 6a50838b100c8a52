import thaiBahtText from 'thai-baht-text';
import { toCurrency as rubCurrency } from 'n2words/ru-RU';
import { toCurrency as vndCurrency } from 'n2words/vi-VN';

/**
 * A document total in words, as Thai, Vietnamese and Russian documents print it: THB in Thai
 * (หนึ่งหมื่นสองพันห้าร้อยบาทถ้วน, ...บาทห้าสิบสตางค์), VND in Vietnamese (Một triệu hai trăm năm
 * mươi nghìn đồng), RUB in Russian (Один миллион ... рублей восемьдесят девять копеек).
 *
 * Libraries: thai-baht-text for baht (it follows the หนึ่ง/เอ็ด and ยี่ rules across every group:
 * 1,000,001 is หนึ่งล้านเอ็ดบาท, which n2words' Thai gets wrong) and n2words for Russian and
 * Vietnamese (string in, so no float ever touches the amount). thai-baht-text parses a number, so
 * it is given the integer baht and the satang separately, each exact well below 2^53.
 *
 * `amount` is a plain non-negative decimal string already rounded to the currency (e.g. '12500.50').
 * Returns null for a currency without a wording here.
 */
export function amountInWords(amount: string, currency: string): string | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) throw new Error(`Not a plain amount: ${amount}`);
  const int = m[1].replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').padEnd(2, '0').slice(0, 2);
  switch (currency) {
    case 'THB':
      return bahtText(int, frac);
    case 'RUB':
      return capitalize(rubCurrency(frac === '00' ? int : `${int}.${frac}`, { and: false }));
    case 'VND':
      // The đồng has no minor unit: VND amounts are whole.
      return capitalize(vndCurrency(int));
    default:
      return null;
  }
}

function bahtText(int: string, satang: string): string {
  const baht = int === '0' ? '' : thaiBahtText(int);
  if (satang === '00') return baht || 'ศูนย์บาทถ้วน';
  const st = thaiBahtText(`0.${satang}`);
  return baht ? baht.replace(/ถ้วน$/, '') + st : st;
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

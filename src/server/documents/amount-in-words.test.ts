import { describe, expect, it } from 'vitest';
import { amountInWords } from './amount-in-words';

// Expected figures written out by hand from each country's convention (Thai: หนึ่ง/เอ็ด and ยี่, บาทถ้วน
// for whole baht, satang in words; Russian: ruble/kopeck plural forms and the feminine одна/две for
// тысяча and копейка; Vietnamese: lẻ for a zero tens digit, mốt and lăm).
describe('the total in words', () => {
  it.each([
    ['12500.00', 'หนึ่งหมื่นสองพันห้าร้อยบาทถ้วน'],
    ['12500.50', 'หนึ่งหมื่นสองพันห้าร้อยบาทห้าสิบสตางค์'],
    ['0.00', 'ศูนย์บาทถ้วน'],
    ['0.25', 'ยี่สิบห้าสตางค์'],
    ['1.00', 'หนึ่งบาทถ้วน'],
    ['11.01', 'สิบเอ็ดบาทหนึ่งสตางค์'],
    ['21.00', 'ยี่สิบเอ็ดบาทถ้วน'],
    ['101.00', 'หนึ่งร้อยเอ็ดบาทถ้วน'],
    ['220.00', 'สองร้อยยี่สิบบาทถ้วน'],
    ['1000001.00', 'หนึ่งล้านเอ็ดบาทถ้วน'],
    ['39440.85', 'สามหมื่นเก้าพันสี่ร้อยสี่สิบบาทแปดสิบห้าสตางค์'],
    ['1234567.89', 'หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์'],
    // The largest total a document can hold: exact to the satang (a float would print 98).
    ['99999999999999.99', 'เก้าสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทเก้าสิบเก้าสตางค์'],
  ])('THB %s', (amount, words) => expect(amountInWords(amount, 'THB')).toBe(words));

  it.each([
    ['0.00', 'Ноль рублей'],
    ['1.00', 'Один рубль'],
    ['2.00', 'Два рубля'],
    ['5.00', 'Пять рублей'],
    ['21.00', 'Двадцать один рубль'],
    ['1000.00', 'Одна тысяча рублей'],
    ['2000.00', 'Две тысячи рублей'],
    ['0.50', 'Пятьдесят копеек'],
    ['101.01', 'Сто один рубль одна копейка'],
    ['102.02', 'Сто два рубля две копейки'],
    ['1234567.89', 'Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь рублей восемьдесят девять копеек'],
  ])('RUB %s', (amount, words) => expect(amountInWords(amount, 'RUB')).toBe(words));

  it.each([
    ['0', 'Không đồng'],
    ['15', 'Mười lăm đồng'],
    ['21', 'Hai mươi mốt đồng'],
    ['105', 'Một trăm lẻ năm đồng'],
    ['1250000', 'Một triệu hai trăm năm mươi nghìn đồng'],
    ['1000000000', 'Một tỷ đồng'],
  ])('VND %s', (amount, words) => expect(amountInWords(amount, 'VND')).toBe(words));

  it('has no wording for other currencies, and refuses what is not a plain amount', () => {
    expect(amountInWords('10.00', 'USD')).toBeNull();
    expect(() => amountInWords('1e5', 'THB')).toThrow();
  });
});

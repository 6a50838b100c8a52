import { describe, expect, it } from 'vitest';
import { localName, namesFrom } from './local-name';

describe('localName', () => {
  it('takes the name in the language asked for, else the default name', () => {
    const stage = { name: 'เสนอราคา', names: { ru: 'Предложение', vi: '' } };
    expect(localName(stage, 'ru')).toBe('Предложение');
    expect(localName(stage, 'vi')).toBe('เสนอราคา');
    expect(localName(stage, 'en')).toBe('เสนอราคา');
    expect(localName({ name: 'Piece', names: null }, 'th')).toBe('Piece');
  });
  it('reads name_<locale> fields, dropping blanks', () => {
    expect(namesFrom({ name_th: ' ชิ้น ', name_ru: '', name_vi: 'cái', other: 'x' }, ['en', 'th', 'vi', 'ru'])).toEqual({ th: 'ชิ้น', vi: 'cái' });
  });
});

import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

const id = '00000000-0000-4000-8000-000000000000';
const raw = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('list cursors from the address bar', () => {
  it('reads back what the list wrote', () => {
    expect(decodeCursor(encodeCursor({ v: '2026-03-01T10:00:00.123Z', i: id }), 'timestamp')).toEqual({ v: '2026-03-01T10:00:00.123Z', i: id });
    expect(decodeCursor(encodeCursor({ v: '1250000.50', i: id }), 'numeric')).toEqual({ v: '1250000.50', i: id });
    expect(decodeCursor(encodeCursor({ v: '9999-12-31', i: id }), 'date')).toEqual({ v: '9999-12-31', i: id });
    expect(decodeCursor(encodeCursor({ v: 'ตู้เย็น – บริษัท', i: id }), 'text')).toEqual({ v: 'ตู้เย็น – บริษัท', i: id });
  });

  it.each([
    ['garbage', 'timestamp'],
    [raw(null), 'timestamp'],
    [raw([1, 2]), 'timestamp'],
    [raw({ v: 'not a date', i: id }), 'timestamp'],
    [raw({ v: '1', i: id }), 'timestamp'],
    [raw({ v: '0000-01-01T00:00:00Z', i: id }), 'timestamp'],
    [raw({ v: '2026-02-30T00:00:00Z', i: id }), 'timestamp'],
    [raw({ v: '1e400', i: id }), 'numeric'],
    [raw({ v: 'NaN', i: id }), 'numeric'],
    [raw({ v: '2026-13-01', i: id }), 'date'],
    [raw({ v: 'a\u0000b', i: id }), 'text'],
    [raw({ v: '\ud800', i: id }), 'text'],
    [raw({ v: 'x', i: 'not-a-uuid' }), 'text'],
    [raw({ v: 5, i: id }), 'numeric'],
  ] as const)('refuses %s as %s (the list starts at its first page)', (s, kind) => {
    expect(decodeCursor(s, kind)).toBeNull();
  });

  it('refuses what is not one string', () => {
    expect(decodeCursor(['a', 'b'], 'text')).toBeNull();
    expect(decodeCursor(undefined, 'text')).toBeNull();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../tests/support/world';
import { listCustomers, searchContacts } from '../customers/queries';
import { listOpportunities } from '../opportunities/queries';
import { listQuotations } from '../quotations';
import { listProducts, searchPricedProducts } from '../catalog';
import { containsPattern, searchTerm } from './search';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const HOSTILE = ['\u0000', 'a\u0000b', '\uD800', 'x\uDC00', '%', '_', '\\', '\u2028', "' or 1=1 --", 'x'.repeat(5000), '\u001b[0m', ' \t\n '];

describe('search terms from the address bar', () => {
  it('are cleaned of what PostgreSQL refuses, and LIKE wildcards match themselves', () => {
    expect(searchTerm('a\u0000b')).toBe('a b');
    expect(searchTerm('\uD800')).toBe('');
    expect(searchTerm('x'.repeat(500))).toHaveLength(100);
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('never reach the database as an error, in any search', async () => {
    for (const q of HOSTILE) {
      await expect(listCustomers(w.db, w.actors.repA1, { q }, 5)).resolves.toBeTruthy();
      await expect(searchContacts(w.db, w.actors.repA1, q, 5)).resolves.toBeTruthy();
      await expect(listOpportunities(w.db, w.actors.repA1, { q }, 5)).resolves.toBeTruthy();
      await expect(listQuotations(w.db, w.actors.repA1, { q }, 5)).resolves.toBeTruthy();
      await expect(listProducts(w.db, w.actors.repA1, { q, after: q })).resolves.toBeTruthy();
      await expect(searchPricedProducts(w.db, w.actors.repA1, { q, customerId: null, currency: 'THB', pricesIncludeTax: false, language: 'th' })).resolves.toBeTruthy();
    }
  });

  it('still find what was typed', async () => {
    const { rows } = await listCustomers(w.db, w.actors.repA1, { q: `Alpha One ${w.tag}\u0000` }, 5);
    expect(rows.map((r) => r.id)).toContain(w.customers.a1);
  });
});

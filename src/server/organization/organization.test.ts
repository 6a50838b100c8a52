import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../../tests/support/world';
import { getOrganization, logoFromFile, MAX_LOGO_BYTES, organizationInput, updateOrganization } from './index';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});
const form = (over: Record<string, string> = {}) => ({
  legalName: 'Saigon Trading JSC', address: '1 Le Loi, District 1', taxId: '0312345678', branch: '', currency: 'VND',
  country: 'VN', locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh', version: '1', ...over,
});

describe('organization settings', () => {
  it('an admin updates them; the version moves on and a stale save is refused', async () => {
    const org = await getOrganization(w.db, w.actors.admin);
    const input = organizationInput.parse(form({ version: String(org.version) }));
    await updateOrganization(w.db, w.actors.admin, input, 'data:image/png;base64,AAAA');
    const after = await getOrganization(w.db, w.actors.admin);
    expect(after).toMatchObject({ currency: 'VND', country: 'VN', timeZone: 'Asia/Ho_Chi_Minh', version: org.version + 1, logo: 'data:image/png;base64,AAAA' });
    await expect(updateOrganization(w.db, w.actors.admin, input)).rejects.toMatchObject({ code: 'staleVersion' });
    const remove = organizationInput.parse(form({ version: String(after.version), removeLogo: 'on' }));
    await updateOrganization(w.db, w.actors.admin, remove);
    expect((await getOrganization(w.db, w.actors.admin)).logo).toBeNull();
  });

  it('has no VAT figure: rates are dated data under Admin › Tax rates; the country picks the starting set', () => {
    const r = organizationInput.safeParse(form({ vatRate: '7' }));
    expect(r.success && 'vatRate' in r.data).toBe(false);
    expect(organizationInput.safeParse(form({ country: 'DE' })).error!.issues[0]).toMatchObject({ path: ['country'], message: 'invalidChoice' });
  });

  it('rejects an unknown time zone and currency', () => {
    expect(organizationInput.safeParse(form({ timeZone: 'Mars/Olympus' })).error!.issues[0].message).toBe('invalidTimeZone');
    expect(organizationInput.safeParse(form({ currency: 'XYZ' })).error!.issues[0].message).toBe('invalidChoice');
  });

  it('only an admin may change them', async () => {
    const input = organizationInput.parse(form());
    for (const who of ['mA', 'repA1', 'finance'] as const) {
      await expect(updateOrganization(w.db, w.actors[who], input)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('checks the logo type and size', async () => {
    expect(await logoFromFile(new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' }))).toEqual({ error: 'logoType' });
    expect(await logoFromFile(new File([new Uint8Array(MAX_LOGO_BYTES + 1)], 'x.png', { type: 'image/png' }))).toEqual({ error: 'logoTooBig' });
    expect((await logoFromFile(new File([new Uint8Array([1, 2, 3])], 'x.png', { type: 'image/png' }))).dataUrl).toBe('data:image/png;base64,AQID');
    expect(await logoFromFile(null)).toEqual({});
  });
});

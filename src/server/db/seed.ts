import { and, count, eq } from 'drizzle-orm';
import type { Db } from './client';
import { contacts, customers, discountPolicies, lostReasons, notifications, opportunities, organizations, pipelines, priceListItems, priceLists, products, stages, tasks, taxRates, teams, territories, units, users, userTerritories } from './schema';
import { ensureTaxRates } from '../catalog/tax-rates';
import Decimal from 'decimal.js';
import { ensureDefaultPipeline } from '../pipelines';
import { hashPassword } from '../auth/password';
import { DEMO_PASSWORD } from '../auth/password-policy';

// Published in the README; refused at sign-in in production unless DEMO_MODE=true (auth/password-policy.ts).
export { DEMO_PASSWORD };

export type DemoAccount = { email: string; role: string; name: string };

/** True when the database already holds an organization. */
export async function hasData(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return Number(row?.n ?? 0) > 0;
}

const CUSTOMER_NAMES: Record<string, string[]> = {
  'Bang Rak': ['Silom Office Supplies Co., Ltd.', 'บริษัท สีลม เทรดดิ้ง จำกัด', 'Riverside Hotel Group'],
  Chatuchak: ['Chatuchak Furniture Co., Ltd.', 'บริษัท จตุจักร พลาสติก จำกัด', 'Green Market Foods'],
  Sukhumvit: ['Asoke Digital Agency', 'บริษัท สุขุมวิท คลินิก จำกัด', 'Ekkamai Coffee Roasters'],
  'Chiang Mai': ['Lanna Crafts Export', 'บริษัท เชียงใหม่ ฟาร์ม จำกัด', 'Nimman Coworking'],
  'Khon Kaen': ['Isan Rice Mill Co., Ltd.', 'บริษัท ขอนแก่น ก่อสร้าง จำกัด'],
  'Nakhon Ratchasima': ['Korat Steel Works', 'บริษัท โคราช โลจิสติกส์ จำกัด'],
  Phuket: ['Andaman Dive Resorts', 'บริษัท ภูเก็ต ซีฟู้ด จำกัด'],
  'Hat Yai': ['Songkhla Rubber Trading', 'บริษัท หาดใหญ่ การแพทย์ จำกัด'],
};
const CONTACTS = ['Somchai Jaidee', 'สมศรี ใจดี', 'Niran Thongchai', 'Malee Srisuk', 'Anan Chaiyaporn', 'วิไล รักไทย', 'Kittisak Boonmee'];

/** Creates the demo company: a Thai organization, territories, teams, people, customers and contacts. */
export async function seedDemo(db: Db, opts: { force?: boolean } = {}): Promise<DemoAccount[]> {
  if (!opts.force && (await hasData(db))) throw new Error('The database already has data; pass --force to seed anyway.');
  const hash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({
        legalName: 'Siam Sales Demo Co., Ltd.',
        address: '88 Sathorn Road, Silom, Bang Rak, Bangkok 10500',
        taxId: '0105566012345',
        branch: 'Head office (00000)',
        currency: 'THB',
        // The tax rates come from the country's defaults (catalog/tax-defaults.ts), dated.
        country: 'TH',
        locale: 'th',
        timeZone: 'Asia/Bangkok',
        quoteValidityDays: 30,
        quoteTerms: 'ชำระเงินภายใน 30 วันนับจากวันที่ส่งมอบ ราคานี้รวมค่าติดตั้งและรับประกันหนึ่งปี\nPayment within 30 days of delivery. Prices include installation and a one-year warranty.',
      })
      .returning();

    const tree: Record<string, string[]> = {
      Bangkok: ['Bang Rak', 'Chatuchak', 'Sukhumvit'],
      North: ['Chiang Mai'],
      Northeast: ['Khon Kaen', 'Nakhon Ratchasima'],
      South: ['Phuket', 'Hat Yai'],
    };
    const terr: Record<string, string> = {};
    for (const [region, children] of Object.entries(tree)) {
      const [r] = await tx.insert(territories).values({ orgId: org.id, name: region }).returning();
      terr[region] = r.id;
      for (const c of children) {
        const [t] = await tx.insert(territories).values({ orgId: org.id, name: c, parentId: r.id }).returning();
        terr[c] = t.id;
      }
    }

    const mk = async (name: string, email: string, role: 'admin' | 'manager' | 'rep' | 'finance', locale = 'en') => {
      const [u] = await tx.insert(users).values({ orgId: org.id, name, email, role, locale, passwordHash: hash }).returning();
      return u;
    };
    const admin = await mk('Ada Admin', 'admin@demo.test', 'admin');
    const mBkk = await mk('Mana Bangkok', 'manager.bangkok@demo.test', 'manager', 'th');
    const mReg = await mk('Preecha Regions', 'manager.regions@demo.test', 'manager');
    const finance = await mk('Fah Finance', 'finance@demo.test', 'finance', 'th');
    const [tBkk] = await tx.insert(teams).values({ orgId: org.id, name: 'Bangkok team', managerId: mBkk.id }).returning();
    const [tReg] = await tx.insert(teams).values({ orgId: org.id, name: 'Regions team', managerId: mReg.id }).returning();
    // Reps give up to 15 % a line and 20 % a quotation on their own; managers 30 %; beyond that, approval.
    await tx.insert(discountPolicies).values([
      { orgId: org.id, role: 'rep', maxLinePercent: '15', maxDocumentPercent: '20' },
      { orgId: org.id, role: 'manager', maxLinePercent: '30', maxDocumentPercent: '30' },
    ]);

    const reps: { name: string; email: string; team: string; territories: string[]; locale?: string }[] = [
      { name: 'Somsak Silom', email: 'rep.bangrak@demo.test', team: tBkk.id, territories: ['Bang Rak'] },
      { name: 'Napat Chatuchak', email: 'rep.chatuchak@demo.test', team: tBkk.id, territories: ['Chatuchak'], locale: 'th' },
      { name: 'Kanya Sukhumvit', email: 'rep.sukhumvit@demo.test', team: tBkk.id, territories: ['Sukhumvit'] },
      { name: 'Lek Lanna', email: 'rep.north@demo.test', team: tReg.id, territories: ['North'] },
      { name: 'Boon Isan', email: 'rep.northeast@demo.test', team: tReg.id, territories: ['Northeast'] },
      { name: 'Dao Andaman', email: 'rep.south@demo.test', team: tReg.id, territories: ['South'] },
    ];
    const repUsers: { id: string; territories: string[] }[] = [];
    for (const r of reps) {
      const u = await mk(r.name, r.email, 'rep', r.locale);
      await tx.update(users).set({ teamId: r.team }).where(eqId(u.id));
      await tx.insert(userTerritories).values(r.territories.map((t) => ({ userId: u.id, territoryId: terr[t] })));
      repUsers.push({ id: u.id, territories: r.territories });
    }

    const ownerOf = (territory: string) => {
      const hit = repUsers.find((r) =>
        r.territories.some((t) => t === territory || tree[t]?.includes(territory)),
      );
      return hit?.id ?? admin.id;
    };
    let n = 0;
    for (const [territory, names] of Object.entries(CUSTOMER_NAMES)) {
      for (const name of names) {
        n++;
        const [c] = await tx
          .insert(customers)
          .values({
            orgId: org.id,
            name,
            taxId: `0105${String(560000000 + n * 7919).slice(0, 9)}`,
            branch: n % 3 === 0 ? 'Branch 00001' : 'Head office',
            phone: `+66 2 ${String(100 + n).padStart(3, '0')} ${String(1000 + n * 37).slice(0, 4)}`,
            email: `info${n}@example.co.th`,
            address: `${n * 11} Moo ${n % 9}, ${territory}, Thailand`,
            territoryId: terr[territory],
            ownerId: ownerOf(territory),
          })
          .returning();
        await tx.insert(contacts).values([
          { orgId: org.id, customerId: c.id, name: CONTACTS[n % CONTACTS.length], title: 'Purchasing manager', phone: `08${n % 10}-555-01${String(n).padStart(2, '0')}`, email: `buyer${n}@example.co.th`, isPrimary: true },
          { orgId: org.id, customerId: c.id, name: CONTACTS[(n + 3) % CONTACTS.length], title: 'Accountant', phone: '', email: `ap${n}@example.co.th` },
        ]);
      }
    }
    // Each manager also covers their region directly, and owns one key account.
    await tx.insert(userTerritories).values([{ userId: mBkk.id, territoryId: terr.Bangkok }]);
    await tx.insert(customers).values({ orgId: org.id, name: 'Thai National Key Account PCL', ownerId: mReg.id, territoryId: null, phone: '+66 2 999 0000' });

    // A few deals per customer spread over the stages, so the funnel and the board have something to show.
    await ensureDefaultPipeline(tx, org.id);
    const [pipeline] = await tx.select().from(pipelines).where(eq(pipelines.orgId, org.id));
    const stageRows = await tx.select().from(stages).where(eq(stages.pipelineId, pipeline.id)).orderBy(stages.position);
    const [reason] = await tx.select().from(lostReasons).where(eq(lostReasons.orgId, org.id)).limit(1);
    const allCustomers = await tx.select().from(customers).where(eq(customers.orgId, org.id)).orderBy(customers.name);
    const PRODUCTS = ['Air conditioning retrofit', 'Office furniture', 'POS terminals', 'Solar rooftop', 'Security cameras', 'Annual maintenance'];
    let k = 0;
    for (const c of allCustomers) {
      for (let j = 0; j < 2; j++, k++) {
        const stage = stageRows[k % stageRows.length];
        const month = String((k % 12) + 1).padStart(2, '0');
        await tx.insert(opportunities).values({
          orgId: org.id,
          title: `${PRODUCTS[k % PRODUCTS.length]} – ${c.name.split(' ')[0]}`,
          customerId: c.id,
          pipelineId: pipeline.id,
          stageId: stage.id,
          amount: String(50_000 + ((k * 37_500) % 950_000)),
          currency: 'THB',
          expectedCloseDate: `2026-${month}-15`,
          probability: stage.probability,
          ownerId: c.ownerId,
          status: stage.kind,
          starred: k % 7 === 0,
          closedOn: stage.kind === 'open' ? null : `2026-${month}-10`,
          lostReasonId: stage.kind === 'lost' ? reason.id : null,
        });
      }
    }

    await seedToday(tx, org.id, repUsers.map((r) => r.id), pipeline.id, stageRows.find((s) => s.kind === 'won')!);
    await seedCatalog(tx, org.id, allCustomers.map((c) => c.id));

    const repRows = await tx.select().from(users).where(and(eq(users.orgId, org.id), eq(users.role, 'rep')));
    return [admin, mBkk, mReg, finance, ...repRows].map((u) => ({ email: u.email, role: u.role, name: u.name }));
  });
}

const eqId = (id: string) => eq(users.id, id);

/**
 * Something for the home pages whenever the demo is seeded (the deals above carry fixed 2026 dates):
 * per rep, a task due today and one overdue, their first open deal expected to close today, a deal
 * won today and a notification. The tasks count as already reminded, so the reminders job raises
 * nothing behind the journeys' backs.
 */
async function seedToday(tx: Db, orgId: string, repIds: string[], pipelineId: string, won: { id: string; probability: number }) {
  // The organization's today, as todayIn (opportunities/commands) reads it.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);
  const twoDaysAgo = new Date(Date.parse(`${today}T12:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
  for (const [i, userId] of repIds.entries()) {
    const [deal] = await tx.select().from(opportunities).where(and(eq(opportunities.ownerId, userId), eq(opportunities.status, 'open'))).orderBy(opportunities.title).limit(1);
    if (!deal) continue;
    await tx.update(opportunities).set({ expectedCloseDate: today }).where(eq(opportunities.id, deal.id));
    const reminded = new Date();
    await tx.insert(tasks).values([
      { orgId, title: 'Call to confirm the order', dueAt: at(today, '16:00'), assigneeId: userId, createdById: userId, customerId: deal.customerId, opportunityId: deal.id, remindedAt: reminded },
      { orgId, title: 'Send the revised price list', dueAt: at(twoDaysAgo, '10:00'), assigneeId: userId, createdById: userId, customerId: deal.customerId, remindedAt: reminded },
    ]);
    await tx.insert(opportunities).values({
      orgId, title: 'Annual service contract', customerId: deal.customerId, pipelineId, stageId: won.id, amount: String(120_000 + i * 15_000),
      currency: 'THB', expectedCloseDate: today, probability: won.probability, ownerId: userId, status: 'won', closedOn: today,
    });
    await tx.insert(notifications).values({ orgId, userId, kind: 'taskDue', params: { title: 'Send the revised price list' }, link: '/tasks' });
  }
}

/** A small catalogue with Thai names, a general price list and a wholesale list for one customer group. */
async function seedCatalog(tx: Db, orgId: string, customerIds: string[]) {
  await ensureTaxRates(tx, orgId);
  const [exempt] = await tx.select().from(taxRates).where(and(eq(taxRates.orgId, orgId), eq(taxRates.kind, 'exempt')));
  // Units in all four languages; the main name is the organization's language (Thai).
  const unitNames: Record<string, { en: string; th: string; vi: string; ru: string }> = {
    piece: { en: 'piece', th: 'ชิ้น', vi: 'cái', ru: 'шт.' },
    unit: { en: 'unit', th: 'เครื่อง', vi: 'chiếc', ru: 'ед.' },
    set: { en: 'set', th: 'ชุด', vi: 'bộ', ru: 'компл.' },
    system: { en: 'system', th: 'ระบบ', vi: 'hệ thống', ru: 'система' },
    job: { en: 'job', th: 'งาน', vi: 'lần', ru: 'усл.' },
    hour: { en: 'hour', th: 'ชั่วโมง', vi: 'giờ', ru: 'ч' },
    day: { en: 'day', th: 'วัน', vi: 'ngày', ru: 'день' },
    year: { en: 'year', th: 'ปี', vi: 'năm', ru: 'год' },
  };
  const unitRows = await tx
    .insert(units)
    .values(Object.values(unitNames).map((n) => ({ orgId, name: n.th, names: n })))
    .returning();
  const unitOf = (key: string) => unitRows.find((u) => u.name === unitNames[key].th)!;
  const items = [
    { code: 'AC-12000', name: 'Inverter air conditioner 12,000 BTU', th: 'เครื่องปรับอากาศอินเวอร์เตอร์ 12,000 บีทียู', vi: 'Máy lạnh inverter 12.000 BTU', ru: 'Инверторный кондиционер 12 000 BTU', unit: 'unit', price: '18900', floor: '17000' },
    { code: 'AC-INST', name: 'Air conditioner installation', th: 'ค่าติดตั้งเครื่องปรับอากาศ', vi: 'Lắp đặt máy lạnh', ru: 'Монтаж кондиционера', unit: 'job', price: '2500' },
    { code: 'POS-T1', name: 'POS terminal with receipt printer', th: 'เครื่อง POS พร้อมเครื่องพิมพ์ใบเสร็จ', vi: 'Máy POS kèm máy in hóa đơn', ru: 'POS-терминал с принтером чеков', unit: 'set', price: '24500', floor: '22000' },
    { code: 'CAM-4K', name: '4K security camera', th: 'กล้องวงจรปิดความละเอียด 4K', vi: 'Camera an ninh 4K', ru: 'Камера видеонаблюдения 4K', unit: 'unit', price: '3290.50' },
    { code: 'SOL-5KW', name: 'Solar rooftop system 5 kW', th: 'ระบบโซลาร์รูฟท็อป 5 กิโลวัตต์', vi: 'Hệ thống điện mặt trời áp mái 5 kW', ru: 'Солнечная электростанция на крыше 5 кВт', unit: 'system', price: '165000' },
    { code: 'DESK-140', name: 'Office desk 140 cm', th: 'โต๊ะทำงาน 140 ซม.', vi: 'Bàn làm việc 140 cm', ru: 'Офисный стол 140 см', unit: 'piece', price: '4590' },
    { code: 'MAINT-Y', name: 'Annual maintenance contract', th: 'สัญญาบำรุงรักษารายปี', vi: 'Hợp đồng bảo trì hằng năm', ru: 'Годовой договор на обслуживание', unit: 'year', price: '12000' },
    { code: 'TRAIN-D', name: 'On-site training (exempt)', th: 'ฝึกอบรม ณ สถานที่ลูกค้า', vi: 'Đào tạo tại chỗ (miễn thuế)', ru: 'Обучение на месте (без НДС)', unit: 'day', price: '8000', exempt: true },
  ];
  const rows = await tx
    .insert(products)
    .values(items.map((i) => ({
      orgId, code: i.code, name: i.name, names: { th: i.th, vi: i.vi, ru: i.ru }, unit: unitOf(i.unit).name, unitId: unitOf(i.unit).id,
      price: i.price, floorPrice: i.floor ?? null, taxRateId: i.exempt ? exempt.id : null,
    })))
    .returning();
  const [general] = await tx.insert(priceLists).values({ orgId, name: 'Standard THB 2026', currency: 'THB' }).returning();
  const [wholesale] = await tx.insert(priceLists).values({ orgId, name: 'Wholesale THB', currency: 'THB', customerGroup: 'Wholesale' }).returning();
  await tx.insert(priceListItems).values(rows.map((p) => ({ priceListId: general.id, productId: p.id, price: p.price })));
  await tx.insert(priceListItems).values(rows.slice(0, 4).map((p) => ({ priceListId: wholesale.id, productId: p.id, price: new Decimal(p.price).times('0.9').toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString() })));
  await tx.insert(priceLists).values({ orgId, name: 'Export USD', currency: 'USD' });
  // Every fifth customer buys at wholesale prices.
  for (const [i, id] of customerIds.entries()) {
    if (i % 5 === 0) await tx.update(customers).set({ customerGroup: 'Wholesale' }).where(eq(customers.id, id));
  }
}

// Customer and deal lists, counts, search and the funnel at scale, per role. Usage:
//   npm run bench -- [customers=100000]
// Uses PGlite in memory unless DATABASE_URL is set (then it fills that database: use a scratch one).
import { performance } from 'node:perf_hooks';
import { time } from './timing';
import { sql } from 'drizzle-orm';
import { closeDb, dbKind, getDb } from '../src/server/db/client';
import { seedDemo } from '../src/server/db/seed';
import { loadActor } from '../src/server/access/load-actor';
import { countCustomers, listCustomers } from '../src/server/customers/queries';
import { listOpportunities } from '../src/server/opportunities/queries';
import { funnelSummary } from '../src/server/opportunities/funnel';
import { users } from '../src/server/db/schema';

if (!process.env.DATABASE_URL && !process.env.PGLITE_DIR) process.env.PGLITE_DIR = 'memory://';
const N = Number(process.argv[2] || 100_000);


async function main() {
  const db = await getDb();
  console.log(`database: ${await dbKind()}, customers: ${N}`);
  await seedDemo(db, { force: true });
  const t0 = performance.now();
  // Spread N customers over the seeded territories and owners in one statement.
  await db.execute(sql`
    insert into customers (org_id, name, phone, email, territory_id, owner_id)
    select o.id, 'Bench customer ' || g || ' ' || md5(g::text), '+66 8' || lpad((g % 100000000)::text, 8, '0'),
           'c' || g || '@bench.test', t.id, u.id
    from generate_series(1, ${N}) g
    cross join lateral (select id from organizations order by created_at desc limit 1) o
    cross join lateral (select id from territories where org_id = o.id and parent_id is not null order by id offset (g % 8) limit 1) t
    cross join lateral (select id from users where org_id = o.id and role = 'rep' order by id offset (g % 6) limit 1) u`);
  // One deal per two customers, over the default pipeline's stages.
  await db.execute(sql`
    insert into opportunities (org_id, title, customer_id, pipeline_id, stage_id, amount, currency, probability, owner_id, status, expected_close_date)
    select c.org_id, 'Bench deal ' || c.name, c.id, s.pipeline_id, s.id, (random() * 1000000)::numeric(18,2), 'THB', s.probability, c.owner_id, s.kind::text::deal_status,
           date '2026-01-01' + (abs(hashtext(c.id::text)) % 365)
    from (select * from customers where name like 'Bench customer %' and (abs(hashtext(id::text)) % 2) = 0) c
    cross join lateral (select st.* from stages st join pipelines p on p.id = st.pipeline_id where p.org_id = c.org_id order by st.position offset (abs(hashtext(c.id::text)) % 5) limit 1) s`);
  await db.execute(sql`analyze`);
  console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const byEmail = async (email: string) => {
    const [u] = await db.select({ id: users.id }).from(users).where(sql`${users.email} = ${email}`).orderBy(sql`${users.createdAt} desc`).limit(1);
    return (await loadActor(db, u.id))!;
  };
  const actors = {
    admin: await byEmail('admin@demo.test'),
    manager: await byEmail('manager.bangkok@demo.test'),
    rep: await byEmail('rep.bangrak@demo.test'),
  };
  for (const [role, actor] of Object.entries(actors)) {
    await time(`${role}: first page (25)`, () => listCustomers(db, actor, {}));
    const first = await listCustomers(db, actor, {});
    await time(`${role}: next page by keyset`, () => listCustomers(db, actor, { cursor: first.nextCursor ?? '' }));
    await time(`${role}: count in scope`, () => countCustomers(db, actor), 5);
    await time(`${role}: search name "customer 4242"`, () => listCustomers(db, actor, { q: 'customer 4242' }));
    await time(`${role}: search phone "081-000-4242"`, () => listCustomers(db, actor, { q: '000-4242' }));
    await time(`${role}: deals first page`, () => listOpportunities(db, actor, {}));
    await time(`${role}: deals by title "customer 4242"`, () => listOpportunities(db, actor, { q: 'customer 4242' }));
    await time(`${role}: funnel (SQL aggregates)`, () => funnelSummary(db, actor, {}, { from: '2026-01-01', to: '2026-12-31' }), 5);
  }
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

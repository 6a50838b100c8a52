import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from '../../tests/support/world';
import { checkHealth, shippedMigration } from './health';
import { beat } from './jobs/heartbeat';
import { GET } from '@/app/api/health/route';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

const get = async (query = '') => {
  const res = await GET(new Request(`http://localhost/api/health${query}`));
  return { status: res.status, body: await res.json(), cache: res.headers.get('cache-control') };
};

describe('the health endpoint', () => {
  it('answers 200 when the database answers, its migrations are current and the job runner beat lately', async () => {
    await beat(w.db, new Date(Date.now() - 30_000));
    const r = await get();
    expect(r).toMatchObject({ status: 200, cache: 'no-store' });
    expect(r.body).toEqual({ status: 'ok', db: 'ok', migrations: 'current', jobs: 'alive' });
  });

  it('answers 503 naming the job runner when its heartbeat is stale; ?scope=app leaves it out of the verdict', async () => {
    await beat(w.db, new Date(Date.now() - 10 * 60_000));
    const r = await get();
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ status: 'fail', db: 'ok', migrations: 'current', jobs: 'stale', failed: ['jobs'] });
    const app = await get('?scope=app');
    expect(app.status).toBe(200);
    expect(app.body).toMatchObject({ status: 'ok', jobs: 'stale' });
  });

  it('fails when the database lacks migrations this build ships, or has newer ones', async () => {
    await beat(w.db);
    const shipped = (await shippedMigration())!;
    expect(await checkHealth({ db: w.db, shipped: shipped + 1 })).toMatchObject({ status: 'fail', migrations: 'behind', failed: ['migrations'] });
    expect(await checkHealth({ db: w.db, shipped: shipped - 1 })).toMatchObject({ status: 'fail', migrations: 'ahead' });
  });

  it('fails when the database does not answer, and says nothing else about it', async () => {
    const broken = { execute: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2')) } as never;
    expect(await checkHealth({ db: broken })).toEqual({ status: 'fail', db: 'unreachable', migrations: 'unknown', jobs: 'unknown', failed: ['db'] });
  });
});

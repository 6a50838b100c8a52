import { beforeAll, describe, it } from 'vitest';
import { z } from 'zod';
import { makeWorld, type World } from '../../../tests/support/world';
import { type FuzzSpec, fuzzSuite } from '../../../tests/support/fuzz';
import { forgotInput, requestPasswordReset, setPasswordInput, setPasswordWithToken } from '../auth/password-reset';
import { issueToken } from '../auth/tokens';
import { sendPasswordLink } from '../users/commands';
import { uuid } from '../validation';

/**
 * The signed-out account pages (forgot password, reset link, invitation) and the admin's "send a
 * password link", 1,000+ hostile submissions each (seeded). Mirrors src/app/(auth)/password-actions.ts
 * and the admin users action.
 */
let w: World;
const run = <S extends z.ZodType, R>(spec: FuzzSpec<S, R>, seed: number) => fuzzSuite(w.db, spec, seed);

beforeAll(async () => {
  w = await makeWorld();
});

describe('fuzz: passwords by mail', () => {
  it('forgot password', async () => {
    await run({
      name: 'requestPasswordReset', schema: forgotInput, run: ({ db, input }) => requestPasswordReset(db, input.email), actor: w.actors.repA1,
      base: () => ({ email: w.people.repA1.email }), fields: { email: 'email' },
    }, 1001);
  });

  it('set a password from a reset link or an invitation', async () => {
    for (const [purpose, seed] of [['reset', 1002], ['invite', 1003]] as const) {
      await run({
        name: `setPasswordWithToken:${purpose}`, schema: setPasswordInput, run: ({ db, input }) => setPasswordWithToken(db, purpose, input), actor: w.actors.repA2,
        base: async () => ({ token: await issueToken(w.db, w.people.repA2.id, purpose), password: 'Quartz-Meadow-Vane-7', confirm: 'Quartz-Meadow-Vane-7' }),
        fields: { token: 'text', password: 'password', confirm: 'password' },
      }, seed);
    }
  });

  it('send a password link', async () => {
    const ids = [w.people.repB1.id, w.people.admin.id, w.people.admin2.id, w.people.mA.id];
    await run({
      name: 'sendPasswordLink', schema: z.object({ id: uuid }), run: ({ db, actor, input }) => sendPasswordLink(db, actor, input.id), actor: w.actors.admin,
      base: () => ({ id: w.people.repB1.id }), fields: { id: 'id' }, ctx: { id: { ids } },
    }, 1004);
  });
});

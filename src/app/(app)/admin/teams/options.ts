import 'server-only';
import type { Actor } from '@/server/access/actor';
import type { Db } from '@/server/db/client';
import { listUsers } from '@/server/users/queries';

export async function teamFormOptions(db: Db, actor: Actor) {
  const users = (await listUsers(db, actor)).filter((u) => u.active);
  return {
    managers: users.filter((u) => u.role === 'manager' || u.role === 'admin').map((u) => ({ value: u.id, label: u.name })),
    people: users.map((u) => ({ value: u.id, label: u.teamName ? `${u.name} (${u.teamName})` : u.name })),
  };
}

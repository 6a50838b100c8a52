import 'server-only';
import type { Actor } from '@/server/access/actor';
import type { Db } from '@/server/db/client';
import { listTeams } from '@/server/teams';
import { listTerritories } from '@/server/territories';

export async function userFormOptions(db: Db, actor: Actor) {
  const [teams, territories] = await Promise.all([listTeams(db, actor), listTerritories(db, actor)]);
  return {
    teams: teams.map((t) => ({ value: t.id, label: t.name })),
    territories: territories.map((t) => ({ value: t.id, label: t.path })),
  };
}

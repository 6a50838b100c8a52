export type Role = 'admin' | 'manager' | 'rep' | 'finance';
export const ROLES: Role[] = ['admin', 'manager', 'rep', 'finance'];

/** Who is asking. Passed into every data function; built fresh from the database per request. */
export type Actor = {
  id: string;
  orgId: string;
  role: Role;
  name: string;
  email: string;
  locale: string;
  teamId: string | null;
  /** Users whose records this actor sees by ownership: self, plus team members for a manager. */
  scopeUserIds: string[];
  /** Territories (with their whole subtrees) whose records this actor sees. */
  scopeTerritoryIds: string[];
  /** True for roles that see everything in the organization. */
  seesAll: boolean;
  org: { currency: string; timeZone: string; locale: string; country: string };
};

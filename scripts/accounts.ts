import type { DemoAccount } from '../src/server/db/seed';

export function printAccounts(accounts: DemoAccount[], password: string) {
  console.log('\nDemo accounts (password for all: ' + password + '):');
  for (const a of accounts) console.log(`  ${a.role.padEnd(8)} ${a.email.padEnd(30)} ${a.name}`);
  console.log('');
}

import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/server/access/actor';
import { can } from '@/server/access/permissions';
import { signOutAction } from '@/app/(app)/sign-out';
import { MobileMenu } from './mobile-menu';
import { getDb } from '@/server/db/client';
import { unreadCount } from '@/server/notifications';
import { Bell, ChevronDown } from 'lucide-react';

type Item = { href: string; label: string };

/** The signed-in frame: a top bar with the user and sign-out, navigation that folds into a menu on phones. */
export async function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  const t = await getTranslations('nav');
  // Reminders and mail retries are the job runner's work (src/server/jobs), never a page load's.
  const unread = await unreadCount(await getDb(), actor);
  const roles = await getTranslations('roles');
  const items: Item[] = [
    { href: '/', label: t('home') },
    { href: '/search', label: t('search') },
    { href: '/customers', label: t('customers') },
    { href: '/opportunities', label: t('deals') },
    { href: '/quotations', label: t('quotations') },
    { href: '/orders', label: t('orders') },
    { href: '/tasks', label: t('tasks') },
    { href: '/products', label: t('products') },
  ];
  if (can(actor, 'pipeline.manage')) items.push({ href: '/pipelines', label: t('pipelines') });
  const admin: Item[] = can(actor, 'user.manage')
    ? [
        { href: '/admin/users', label: t('users') },
        { href: '/admin/teams', label: t('teams') },
        { href: '/admin/territories', label: t('territories') },
        { href: '/admin/settings', label: t('settings') },
        { href: '/admin/tax-rates', label: t('taxRates') },
        { href: '/admin/units', label: t('units') },
        { href: '/admin/discounts', label: t('discounts') },
        { href: '/admin/outbox', label: t('outbox') },
      ]
    : [];
  const links = (cls: string) =>
    [...items, ...admin, { href: '/account', label: t('account') }].map((i) => (
      <Link key={i.href} href={i.href} className={cls}>
        {i.label}
      </Link>
    ));
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="font-semibold text-indigo-700">
            {t('brand')}
          </Link>
          {/* Desktop: the everyday pages in a row, the admin pages grouped under one menu, My account
              behind the user's name, so the bar never wraps (and "Sign out" stays on one line). */}
          <nav aria-label={t('main')} className="hidden items-center gap-x-4 text-sm whitespace-nowrap lg:flex">
            {items.map((i) => (
              <Link key={i.href} href={i.href} className="text-slate-700 hover:text-indigo-700">
                {i.label}
              </Link>
            ))}
            {admin.length ? (
              <details className="relative" data-testid="admin-menu">
                <summary className="inline-flex cursor-pointer list-none items-center gap-1 text-slate-700 hover:text-indigo-700">
                  {t('admin')}
                  <ChevronDown aria-hidden className="h-4 w-4" />
                </summary>
                <div className="absolute right-0 z-20 mt-2 flex w-48 flex-col gap-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
                  {admin.map((i) => (
                    <Link key={i.href} href={i.href} className="rounded px-2 py-2 text-slate-700 hover:bg-slate-100">
                      {i.label}
                    </Link>
                  ))}
                </div>
              </details>
            ) : null}
          </nav>
          <div className="flex items-center gap-3">
            <Link href="/account" title={t('account')} className="hidden text-right text-sm leading-tight hover:text-indigo-700 sm:block" data-testid="current-user">
              <span className="block font-medium">{actor.name}</span>
              <span className="block text-xs text-slate-500">{roles(actor.role)}</span>
            </Link>
            <Link href="/notifications" className="relative inline-flex min-h-10 items-center rounded-md px-2 text-lg" aria-label={t('notifications', { count: unread })} data-testid="bell">
              <Bell aria-hidden className="h-5 w-5" />
              {unread > 0 ? (
                <span className="absolute -right-1 -top-0.5 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white" data-testid="unread-count">{unread}</span>
              ) : null}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="btn-secondary whitespace-nowrap">
                {t('signOut')}
              </button>
            </form>
            <MobileMenu label={t('menu')}>
              <nav aria-label={t('main')} className="absolute right-0 z-20 mt-2 flex w-56 flex-col gap-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
                <span className="px-2 py-1 text-xs text-slate-500" data-testid="current-user-mobile">
                  {actor.name} · {roles(actor.role)}
                </span>
                {links('rounded px-2 py-2 text-slate-700 hover:bg-slate-100')}
              </nav>
            </MobileMenu>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}

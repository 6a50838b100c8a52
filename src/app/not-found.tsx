import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="h1">{t('title')}</h1>
      <p className="mt-2 text-slate-600">{t('body')}</p>
      <Link href="/" className="btn-secondary mt-6">
        {t('home')}
      </Link>
    </main>
  );
}

'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { Menu } from 'lucide-react';

/** The phone menu; keyed by the path so it closes after every navigation. */
export function MobileMenu({ label, children }: { label: string; children: ReactNode }) {
  const pathname = usePathname();
  return (
    <details key={pathname} className="relative lg:hidden" data-testid="nav-menu">
      <summary className="btn-secondary cursor-pointer list-none" aria-label={label}>
        <Menu aria-hidden className="h-5 w-5" />
      </summary>
      {children}
    </details>
  );
}

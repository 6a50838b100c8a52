'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** The phone menu; keyed by the path so it closes after every navigation. */
export function MobileMenu({ label, children }: { label: string; children: ReactNode }) {
  const pathname = usePathname();
  return (
    <details key={pathname} className="relative lg:hidden" data-testid="nav-menu">
      <summary className="btn-secondary cursor-pointer list-none" aria-label={label}>
        ☰
      </summary>
      {children}
    </details>
  );
}

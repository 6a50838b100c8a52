'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { dropOnStage } from '../actions';
import { ChevronLeft, ChevronRight, Star } from 'lucide-react';
import { NextStep, type NextStepView } from '@/components/deals/next-step';

export type BoardCard = { id: string; version: number; next: NextStepView; title: string; customerName: string; amount: string; ownerName: string; starred: boolean };
export type BoardColumn = { id: string; name: string; kind: string; count: string; totals: string[]; cards: BoardCard[]; more: boolean; listHref: string };
type Labels = { moveTo: string; move: string; seeAll: string; moving: string; empty: string; scrollLeft: string; scrollRight: string; scrollHint: string };

/**
 * Columns of deals. On a desktop a card is dragged to another column; on a phone (or from a
 * keyboard) each card has a stage picker and a Move button. Both call the same server command.
 * When the columns are wider than the screen (five stages at 1280 px already are), the board says
 * so: a fade on each edge with more columns behind it, a hint and buttons that scroll by a screen.
 */
export function Board({ columns, labels, canMove }: { columns: BoardColumn[]; labels: Labels; canMove: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => {
      const left = el.scrollLeft > 4;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 4;
      setEdges((e) => (e.left === left && e.right === right ? e : { left, right }));
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      ro.disconnect();
    };
  }, [columns.length]);
  const arrow = 'absolute top-2 z-10 flex h-10 w-10 items-center justify-center rounded-full border border-slate-300 bg-white/95 text-slate-700 shadow-md hover:bg-white';
  const scrollBy = (direction: 1 | -1) => {
    const el = scroller.current;
    if (el) el.scrollBy({ left: direction * Math.max(el.clientWidth * 0.8, 280), behavior: 'smooth' });
  };

  // The version each card was shown at: a card someone else moved or edited meanwhile is refused
  // ("changed by someone else") instead of being moved from a stage the user no longer sees.
  const versions = new Map(columns.flatMap((c) => c.cards.map((k) => [k.id, k.version] as const)));
  const move = (id: string, stageId: string) =>
    start(async () => {
      setError(null);
      const r = await dropOnStage(id, stageId, versions.get(id));
      if (r.needsReason) router.push(`/opportunities/${id}?moveTo=${stageId}`);
      else if (!r.ok) setError(r.message ?? null);
      else router.refresh();
    });

  return (
    <div className="space-y-2">
      {error ? <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
      {pending ? <p className="text-sm text-slate-500" aria-live="polite">{labels.moving}</p> : null}
      <div className="relative">
        <div ref={scroller} className="flex snap-x gap-3 overflow-x-auto pb-2" data-testid="board">
          {columns.map((col) => (
            <section
              key={col.id}
              aria-label={col.name}
              data-testid={`column-${col.name}`}
              onDragOver={(e) => {
                if (!canMove) return;
                e.preventDefault();
                setOver(col.id);
              }}
              onDragLeave={() => setOver((o) => (o === col.id ? null : o))}
              onDrop={(e) => {
                e.preventDefault();
                setOver(null);
                const id = e.dataTransfer.getData('text/deal');
                if (id) move(id, col.id);
              }}
              className={`w-72 shrink-0 snap-start rounded-lg border p-2 ${over === col.id ? 'border-indigo-400 bg-indigo-50' : 'border-slate-200 bg-slate-100'}`}
            >
              <header className="mb-2 px-1">
                <h2 className="font-semibold">{col.name}</h2>
                <p className="text-xs text-slate-600" data-testid="column-summary">
                  {col.count}
                  {col.totals.map((x) => ` · ${x}`)}
                </p>
              </header>
              <ul className="space-y-2">
                {col.cards.length === 0 ? <li className="px-1 text-sm text-slate-500">{labels.empty}</li> : null}
                {col.cards.map((card) => (
                  <li
                    key={card.id}
                    draggable={canMove}
                    onDragStart={(e) => e.dataTransfer.setData('text/deal', card.id)}
                    className="rounded-md border border-slate-200 bg-white p-2 shadow-sm"
                    data-testid="deal-card"
                  >
                    <Link href={`/opportunities/${card.id}`} className="link font-medium">{card.starred ? <Star aria-hidden className="mr-1 inline h-4 w-4 fill-amber-400 text-amber-500 align-[-2px]" /> : null}{card.title}</Link>
                    <p className="text-xs text-slate-600">{card.customerName}</p>
                    <p className="text-sm">{card.amount} · <span className="text-slate-600">{card.ownerName}</span></p>
                    <NextStep view={card.next} />
                    {canMove ? (
                      <form
                        className="mt-2 flex gap-1"
                        onSubmit={(e) => {
                          e.preventDefault();
                          const stageId = new FormData(e.currentTarget).get('stageId');
                          if (typeof stageId === 'string' && stageId !== col.id) move(card.id, stageId);
                        }}
                      >
                        <select name="stageId" defaultValue={col.id} aria-label={labels.moveTo} className="input min-h-10 flex-1 py-1 text-sm">
                          {columns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                        </select>
                        <button type="submit" className="btn-secondary px-3" disabled={pending}>{labels.move}</button>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ul>
              {col.more ? <Link href={col.listHref} className="link mt-2 block px-1 text-sm">{labels.seeAll}</Link> : null}
            </section>
          ))}
        </div>
        {/*
          The fades say "more this way" on the edge that has columns behind it, each with a button that
          scrolls by a screen. They lie over the board (no layout shift once the page knows it overflows).
        */}
        <div aria-hidden className={`pointer-events-none absolute inset-y-0 left-0 w-12 rounded-l-lg bg-linear-to-r from-slate-500/30 to-transparent transition-opacity ${edges.left ? 'opacity-100' : 'opacity-0'}`} data-testid="board-fade-left" />
        <div aria-hidden className={`pointer-events-none absolute inset-y-0 right-0 w-12 rounded-r-lg bg-linear-to-l from-slate-500/30 to-transparent transition-opacity ${edges.right ? 'opacity-100' : 'opacity-0'}`} data-testid="board-fade-right" />
        {edges.left || edges.right ? <p className="sr-only" data-testid="board-scroll">{labels.scrollHint}</p> : null}
        {edges.left ? (
          <button type="button" onClick={() => scrollBy(-1)} aria-label={labels.scrollLeft} title={labels.scrollLeft} className={`${arrow} left-1`} data-testid="board-scroll-left">
            <ChevronLeft aria-hidden className="h-5 w-5" />
          </button>
        ) : null}
        {edges.right ? (
          <button type="button" onClick={() => scrollBy(1)} aria-label={labels.scrollRight} title={labels.scrollRight} className={`${arrow} right-1`} data-testid="board-scroll-right">
            <ChevronRight aria-hidden className="h-5 w-5" />
          </button>
        ) : null}
      </div>
    </div>
  );
}

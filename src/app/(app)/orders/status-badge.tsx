import { getTranslations } from 'next-intl/server';
import type { OrderStatus } from '@/server/orders/schemas';

const COLORS: Record<OrderStatus, string> = {
  draft: 'bg-slate-100 text-slate-700',
  confirmed: 'bg-blue-100 text-blue-800',
  completed: 'bg-green-100 text-green-800',
  cancelled: 'bg-red-100 text-red-800',
};

export async function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = await getTranslations('orders');
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${COLORS[status]}`} data-testid="order-status">{t(`status.${status}`)}</span>;
}

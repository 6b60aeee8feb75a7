/** Chip deliveries: orders due by next quarter arrive in inventory; the report says what arrived. */
import { formatCount } from '../format';
import { removeRow } from '../table';
import type { GameState } from '../state';

export function runSupply(draft: GameState): void {
  const arriving = draft.turn + 1;
  for (const id of [...draft.orders.ids]) {
    const order = draft.orders.byId[id]!;
    if (order.dueTurn > arriving) continue;
    const company = draft.companies.byId[order.companyId]!;
    const quantity = order.quantity - order.delivered;
    company.inventory[order.chipId] = (company.inventory[order.chipId] ?? 0) + quantity;
    order.delivered = order.quantity;
    draft.report.push({
      companyId: order.companyId,
      kind: 'delivery',
      text: `${formatCount(quantity)} × ${draft.chips.byId[order.chipId]!.name} delivered to inventory.`,
    });
    removeRow(draft.orders, id);
  }
}

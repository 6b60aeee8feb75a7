/**
 * The chip supply chain's fixed places. The engine has no supply nodes yet, so the map draws them from this table.
 * `offsetPx` nudges icons that share a city with another node or a site apart, in screen pixels (constant at any zoom).
 */

export type SupplyNodeKind = 'foundry' | 'packaging' | 'hbm' | 'vendor';

export interface SupplyNode {
  id: string;
  kind: SupplyNodeKind;
  label: string;
  lon: number;
  lat: number;
  offsetPx: { x: number; y: number };
}

export const SUPPLY_NODES: readonly SupplyNode[] = [
  { id: 'foundry-hsinchu', kind: 'foundry', label: 'Foundry · Hsinchu', lon: 121.0, lat: 24.8, offsetPx: { x: 0, y: -7 } },
  { id: 'packaging-taiwan', kind: 'packaging', label: 'Adv. packaging', lon: 121.0, lat: 24.8, offsetPx: { x: 0, y: 8 } },
  { id: 'hbm-icheon', kind: 'hbm', label: 'HBM · Icheon', lon: 127.4, lat: 37.3, offsetPx: { x: 5, y: -6 } },
  { id: 'hbm-hwaseong', kind: 'hbm', label: 'HBM · Hwaseong', lon: 127.0, lat: 37.2, offsetPx: { x: -5, y: 7 } },
  { id: 'hbm-boise', kind: 'hbm', label: 'HBM · Boise', lon: -116.2, lat: 43.6, offsetPx: { x: 0, y: 0 } },
  { id: 'vendor-santa-clara', kind: 'vendor', label: 'GPU vendor HQ', lon: -121.95, lat: 37.35, offsetPx: { x: -16, y: 10 } },
];

export function supplyNode(id: string): SupplyNode {
  const node = SUPPLY_NODES.find((n) => n.id === id);
  if (!node) throw new Error(`Unknown supply node "${id}".`);
  return node;
}

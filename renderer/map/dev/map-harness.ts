/**
 * Dev harness for the world map alone: a real game (inference-gambit, seed 42) with a few player moves so every
 * marker state shows: Quebec powered, West Texas built and powered, Frankfurt under construction, chips on order.
 * Query: ?state=initial for the untouched start, ?palette=colorblind, ?reduced=1. Keys: arrows pan, +/- zoom, 0 reset.
 */
import { produce } from 'immer';
import { applyCommand, createGame, endTurn, findBuiltInScenario, type GameState } from '../../../engine';
import { WorldMap } from '../WorldMap';
import { writableOps } from '../../../engine/deploymentOps';

const params = new URLSearchParams(location.search);

function apply(state: GameState, command: unknown): GameState {
  const result = applyCommand(state, command);
  if (!result.ok) console.warn(result.error);
  return result.state;
}

function showcase(): GameState {
  let state = createGame(findBuiltInScenario('inference-gambit')!.scenario, 42);
  if (params.get('state') === 'initial') return state;
  state = apply(state, { type: 'site/build', siteId: 'texas', capacityMw: 20, shell: 'retrofit' });
  state = apply(state, { type: 'power/signPpa', siteId: 'texas', mw: 5, termQuarters: 8 });
  state = endTurn(endTurn(state));
  state = apply(state, { type: 'site/build', siteId: 'frankfurt', capacityMw: 10, shell: 'greenfield' });
  state = apply(state, { type: 'chips/order', chipId: 'lpu-v1', quantity: 500 });
  state = apply(state, { type: 'chips/order', chipId: 'vg-h100', quantity: 100 });
  return state;
}

/** Marks the player's first deployment as throttled (or not): the engine only throttles on a power shortfall. */
function toggleThrottle(state: GameState): GameState {
  const id = state.deployments.ids.find((d) => state.deployments.byId[d]!.companyId === state.playerId);
  if (!id) return state;
  return produce(state, (draft) => {
    const ops = writableOps(draft, id);
    ops.throttle = ops.throttle > 0 ? 0 : 0.3;
  });
}

const container = document.getElementById('map')!;
const status = document.getElementById('status')!;
const colorblind = document.getElementById('colorblind') as HTMLInputElement;
const reduced = document.getElementById('reduced') as HTMLInputElement;
colorblind.checked = params.get('palette') === 'colorblind';
reduced.checked = params.get('reduced') === '1';

const map = await WorldMap.create(container, { palette: colorblind.checked ? 'colorblind' : 'default', reducedMotion: reduced.checked });
let state = showcase();
let selected: string | null = null;

function render(): void {
  map.sync(state);
  const s = map.stats();
  status.textContent = [
    map.rendererType, `turn ${state.turn}`, `${s.sitesDrawn} sites`, `${s.displayObjects} objects`,
    `sync ${s.lastSyncMs.toFixed(2)} ms`, `selected ${selected ?? '—'}`,
  ].join(' · ');
}

map.onSiteSelected((id) => {
  selected = id;
  render();
});
document.getElementById('end-turn')!.addEventListener('click', () => {
  state = endTurn(state);
  render();
});
document.getElementById('throttle')!.addEventListener('click', () => {
  state = toggleThrottle(state);
  render();
});
document.getElementById('focus')!.addEventListener('click', () => map.focusSite('texas'));
document.getElementById('reset')!.addEventListener('click', () => map.resetView());
colorblind.addEventListener('change', () => map.setOptions({ palette: colorblind.checked ? 'colorblind' : 'default' }));
reduced.addEventListener('change', () => map.setOptions({ reducedMotion: reduced.checked }));
window.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLInputElement) return;
  const step = 80;
  const actions: Record<string, () => void> = {
    ArrowLeft: () => map.panBy(-step, 0),
    ArrowRight: () => map.panBy(step, 0),
    ArrowUp: () => map.panBy(0, -step),
    ArrowDown: () => map.panBy(0, step),
    '+': () => map.zoomBy(1.25),
    '=': () => map.zoomBy(1.25),
    '-': () => map.zoomBy(0.8),
    '0': () => map.resetView(),
  };
  const action = actions[event.key];
  if (!action) return;
  event.preventDefault();
  action();
});

render();
if (params.get('throttle') === '1') {
  state = toggleThrottle(state);
  render();
}
const focus = params.get('focus');
if (focus) map.focusSite(focus);
Object.assign(window, { mapHarness: { map, getState: () => state, setState: (next: GameState) => { state = next; render(); } } });

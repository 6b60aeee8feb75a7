/**
 * New game: the scenarios as a radio list, the chosen one's lesson card (objectives, concepts, the interview's claims
 * with sources, debrief questions) and the seed — editable, or locked when the scenario fixes it for class use.
 */
import { DEFAULT_SCENARIO_ID, builtInScenarios, quarterAt, quarterLabel, type Scenario } from '../../engine/index';
import type { App, Screen } from '../app/App';
import { h, replace, uid } from './dom';
import { findGlossaryEntry } from './glossary';

const MAX_SEED = 0xffffffff;

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export class ScenarioPicker implements Screen {
  readonly el: HTMLElement;
  private card: HTMLElement;
  private seedInput: HTMLInputElement;
  private seedNote: HTMLElement;
  private randomButton: HTMLButtonElement;
  private message: HTMLElement;
  private selected = builtInScenarios().find((s) => s.scenario.id === DEFAULT_SCENARIO_ID) ?? builtInScenarios()[0]!;

  constructor(private app: App) {
    const scenarios = builtInScenarios();
    const list = h('div', { class: 'scenario-list', role: 'radiogroup', 'aria-label': 'Scenarios' });
    for (const entry of scenarios) {
      const s = entry.scenario;
      const id = uid('scenario');
      const input = h('input', { type: 'radio', name: 'scenario', id, value: s.id, checked: entry === this.selected, onchange: () => this.select(s.id) });
      list.append(
        h(
          'label',
          { class: 'scenario-option', for: id },
          input,
          h('span', { class: 'scenario-option-title' }, s.title),
          h('span', { class: 'scenario-option-meta' }, `${quarterLabel(s.start)} – ${quarterLabel(quarterAt(s.start, s.lengthTurns - 1))} · ${s.lengthTurns} quarters`),
        ),
      );
    }

    this.card = h('article', { class: 'lesson-card', 'aria-live': 'polite' });
    this.seedInput = h('input', { type: 'number', min: 0, max: MAX_SEED, step: 1, inputmode: 'numeric', id: 'seed-input', 'aria-describedby': 'seed-note' });
    this.seedNote = h('span', { id: 'seed-note', class: 'hint' });
    this.randomButton = h('button', { type: 'button', class: 'button ghost', onclick: () => (this.seedInput.value = String(randomSeed())) }, 'New random seed');
    this.message = h('p', { class: 'form-msg', role: 'status', 'aria-live': 'polite' });

    const form = h(
      'form',
      { class: 'start-row', 'aria-label': 'Start', onsubmit: (e: SubmitEvent) => this.start(e) },
      h('div', { class: 'field seed-field' }, h('label', { for: 'seed-input' }, 'Seed'), h('div', { class: 'inline' }, this.seedInput, this.randomButton), this.seedNote),
      h('button', { type: 'submit', class: 'button primary large' }, 'Start game'),
      this.message,
    );

    this.el = h(
      'section',
      { class: 'screen picker-screen', 'aria-labelledby': 'picker-heading', hidden: true },
      h(
        'header',
        { class: 'screen-header' },
        h('button', { type: 'button', class: 'button ghost back', onclick: () => app.navigate('title') }, '← Back'),
        h('h1', { id: 'picker-heading', tabindex: '-1' }, 'New game'),
      ),
      h('div', { class: 'picker-body' }, h('div', { class: 'picker-side' }, h('h2', { class: 'eyebrow' }, 'Scenario'), list, form), h('div', { class: 'picker-main' }, this.card)),
    );
    this.select(this.selected.scenario.id);
  }

  onShow(): void {
    this.message.textContent = '';
    if (this.selected.scenario.seedPolicy.kind === 'free') this.seedInput.value = String(randomSeed());
    this.el.querySelector<HTMLInputElement>('input[name="scenario"]:checked')?.focus();
  }

  private select(id: string): void {
    this.selected = builtInScenarios().find((s) => s.scenario.id === id) ?? this.selected;
    const s = this.selected.scenario;
    this.renderCard(s);
    const policy = s.seedPolicy;
    const fixed = policy.kind === 'fixed';
    this.seedInput.readOnly = fixed;
    this.randomButton.disabled = fixed;
    if (policy.kind === 'fixed') this.seedInput.value = String(policy.seed);
    else if (!this.seedInput.value) this.seedInput.value = String(randomSeed());
    this.seedNote.textContent = fixed
      ? 'Locked by the scenario so every player in a class faces the same world.'
      : 'The same seed and the same decisions always give the same game: share it to compare strategies.';
  }

  private renderCard(s: Scenario): void {
    const l = s.lesson;
    const concept = (c: string) => {
      const entry = findGlossaryEntry(c);
      return h('li', null, h('span', { class: 'concept', tabindex: entry ? '0' : null, 'data-tip': entry ? entry.definition : null }, c));
    };
    replace(
      this.card,
      h('p', { class: 'eyebrow' }, `${quarterLabel(s.start)} · ${s.lengthTurns} quarters · ${s.rivals.length} rivals`),
      h('h2', { class: 'lesson-title' }, s.title),
      h('p', { class: 'lesson-summary' }, s.summary),
      h('div', { class: 'lesson-grid' },
        h('section', { 'aria-label': 'Learning objectives' }, h('h3', null, 'You will learn to'), h('ul', { class: 'ticks' }, l.objectives.map((o) => h('li', null, o)))),
        h('section', { 'aria-label': 'Key concepts' }, h('h3', null, 'Key concepts'), h('ul', { class: 'concepts' }, l.concepts.map(concept)),
          h('h3', null, 'To win'), h('ul', { class: 'ticks' }, s.victory.map((v) => h('li', null, v.label)))),
      ),
      l.claims.length > 0 &&
        h('section', { 'aria-label': 'Claims this scenario tests' }, h('h3', null, 'Claims it tests'),
          l.claims.map((c) => h('figure', { class: 'claim' }, h('blockquote', null, c.claim), h('figcaption', null, '— ', h('cite', null, c.source))))),
      h('details', { class: 'debrief' }, h('summary', null, 'Debrief questions (for after the game)'), h('ol', null, l.debrief.map((q) => h('li', null, q)))),
    );
  }

  private start(event: SubmitEvent): void {
    event.preventDefault();
    const policy = this.selected.scenario.seedPolicy;
    const seed = policy.kind === 'fixed' ? policy.seed : Number(this.seedInput.value);
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
      this.message.textContent = `The seed must be a whole number from 0 to ${MAX_SEED}.`;
      this.seedInput.focus();
      return;
    }
    this.app.startNewGame(this.selected.scenario, this.selected.hash, seed);
  }
}

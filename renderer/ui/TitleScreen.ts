/** The title menu: New game, Continue, Load, Replays, Compare, Settings, Help. */
import type { App, Screen } from '../app/App';
import { h } from './dom';
import { logoMark } from './logo';

export class TitleScreen implements Screen {
  readonly el: HTMLElement;
  private continueButton: HTMLButtonElement;
  private message: HTMLElement;

  constructor(private app: App) {
    this.message = h('p', { class: 'title-message', role: 'status', 'aria-live': 'polite' });
    const item = (label: string, hint: string, onclick: () => void, extra: Record<string, string> = {}) =>
      h('li', null, h('button', { type: 'button', class: 'menu-item', onclick, ...extra }, h('span', { class: 'menu-label' }, label), h('span', { class: 'menu-hint', 'aria-hidden': 'true' }, hint)));
    const newGame = item('New game', 'Pick a scenario and a seed', () => app.navigate('picker'));
    const cont = item('Continue', 'Resume the last autosave', () => void this.continueGame());
    this.continueButton = cont.querySelector('button')!;
    this.el = h(
      'section',
      { class: 'screen title-screen', 'aria-labelledby': 'title-heading', hidden: true },
      h('div', { class: 'title-backdrop', 'aria-hidden': 'true' }),
      h(
        'div',
        { class: 'title-column' },
        h('div', { class: 'title-brand' }, logoMark(64), h('h1', { id: 'title-heading', tabindex: '-1' }, 'Tokens ', h('span', { class: 'accent' }, 'per'), ' Watt')),
        h('p', { class: 'tagline' }, 'Run an AI-compute company from 2024. Chips, power, prices — leave training to the incumbent and win inference, or fight for both.'),
        h(
          'nav',
          { 'aria-label': 'Main menu' },
          h(
            'ul',
            { class: 'title-menu' },
            newGame,
            cont,
            item('Load', 'Open a saved game', () => void this.load()),
            item('Replays', 'Step through a saved game', () => app.navigate('replay')),
            item('Compare', 'Strategies side by side', () => app.navigate('compare')),
            item('Settings', 'Scale, palette, motion, keys', () => app.navigate('settings')),
            item('Help', 'Glossary and shortcuts', () => app.navigate('help')),
          ),
        ),
        this.message,
      ),
      h('footer', { class: 'title-footer' }, app.platform.kind === 'electron' ? 'Desktop edition' : 'Web edition', ' · a classroom game about AI compute economics'),
    );
    newGame.querySelector('button')!.classList.add('is-primary');
  }

  onShow(): void {
    this.message.textContent = '';
    void this.app.hasAutosave().then((has) => {
      this.continueButton.setAttribute('aria-disabled', String(!has));
      this.continueButton.querySelector('.menu-hint')!.textContent = has ? 'Resume the last autosave' : 'No autosave yet';
    });
    this.el.querySelector<HTMLElement>('.title-menu button')?.focus();
  }

  private say(text: string): void {
    this.message.textContent = text;
  }

  private async continueGame(): Promise<void> {
    const error = await this.app.continueGame();
    if (error) this.say(error);
  }

  private async load(): Promise<void> {
    const error = await this.app.loadGame();
    if (error) this.say(error);
  }
}

import { describe, expect, it } from 'vitest';
import { KeyBindings, keyString } from '../../../renderer/app/keyBindings';

const press = (key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean } = {}) =>
  ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers }) as KeyboardEvent;

describe('keyString', () => {
  it('keeps Shift on a letter with Ctrl or Alt (Ctrl+Shift+S is not Ctrl+S), not on a character it shifted', () => {
    expect(keyString(press('s', { ctrlKey: true }))).toBe('Ctrl+S');
    expect(keyString(press('S', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+S');
    expect(keyString(press('S', { metaKey: true, shiftKey: true }))).toBe('Ctrl+Shift+S');
    expect(keyString(press('?', { shiftKey: true }))).toBe('?');
    expect(keyString(press('E', { shiftKey: true }))).toBe('E');
    expect(keyString(press('Enter', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+Enter');
    expect(keyString(press('Shift', { shiftKey: true }))).toBeNull();
  });
});

describe('KeyBindings', () => {
  it('tells Save from Save As', () => {
    const bindings = new KeyBindings();
    expect(bindings.actionFor(press('s', { ctrlKey: true }))).toBe('game.save');
    expect(bindings.actionFor(press('S', { ctrlKey: true, shiftKey: true }))).toBe('game.saveAs');
    expect(bindings.actionFor(press('s'))).toBe('map.panDown');
  });
});

/** The game's mark: a chip outline with a lightning bolt (inline SVG, drawn with DOM calls: no innerHTML). */
const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export function logoMark(size = 48): SVGSVGElement {
  const root = svg('svg', { viewBox: '0 0 48 48', width: size, height: size, class: 'logo-mark', 'aria-hidden': 'true' });
  for (let i = 0; i < 4; i++) {
    const p = 12 + i * 8;
    root.append(
      svg('line', { x1: p, y1: 3, x2: p, y2: 9, class: 'pin' }),
      svg('line', { x1: p, y1: 39, x2: p, y2: 45, class: 'pin' }),
      svg('line', { x1: 3, y1: p, x2: 9, y2: p, class: 'pin' }),
      svg('line', { x1: 39, y1: p, x2: 45, y2: p, class: 'pin' }),
    );
  }
  root.append(
    svg('rect', { x: 9, y: 9, width: 30, height: 30, rx: 5, class: 'die' }),
    svg('path', { d: 'M27 13 L17 26 H23 L21 35 L31 22 H25 Z', class: 'bolt' }),
  );
  return root;
}

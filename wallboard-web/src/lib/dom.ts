// A few lines instead of a framework: create elements, and update text only when it changed (a wall
// board updates a handful of nodes a few times a second; touching only those keeps it smooth on a TV).

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attributes: Record<string, string | number> = {}, ...children: Element[]): SVGElement {
  const element = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  for (const child of children) {
    element.appendChild(child);
  }
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function setText(element: Element, text: string): boolean {
  if (element.textContent === text) {
    return false;
  }
  element.textContent = text;
  return true;
}

export function setAttr(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

export function clear(element: Element): void {
  while (element.firstChild) {
    element.removeChild(element.firstChild);
  }
}

/** The state icons as SVG shapes (same on every TV, whatever fonts it has): ✓ ▲ ✖ ○. */
export function stateIcon(state: string): SVGElement {
  const icon = svg('svg', { viewBox: '0 0 24 24', class: `icon icon-${state}`, 'aria-hidden': 'true', 'data-icon': state });
  switch (state) {
    case 'ok':
      icon.appendChild(svg('path', { d: 'M4 12.5l5 5L20 6.5', fill: 'none', stroke: 'currentColor', 'stroke-width': 3.2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
      break;
    case 'warning':
      icon.appendChild(svg('path', { d: 'M12 2.5L23 21.5H1Z', fill: 'currentColor' }));
      break;
    case 'critical':
      icon.appendChild(svg('path', { d: 'M5 5L19 19M19 5L5 19', fill: 'none', stroke: 'currentColor', 'stroke-width': 4.2, 'stroke-linecap': 'round' }));
      break;
    case 'nodata':
    case 'lowsample':
      icon.appendChild(svg('circle', { cx: 12, cy: 12, r: 8, fill: 'none', stroke: 'currentColor', 'stroke-width': 2.6 }));
      break;
    default:
      break;
  }
  return icon;
}

// DOM building without HTML parsing. Every string becomes a text node or an attribute value, so text
// from a claim extract (a provider named "<script>..." or "=HYPERLINK(...)") is shown, never run.
// This module is the only place that creates elements; innerHTML is never used (WebSourceTests checks).

/**
 * h('td', {class: 'num'}, '12') -> <td class="num">12</td>.
 * props: class, text, on<event> handlers, dataset, any other attribute (set with setAttribute).
 * children: nodes, strings, numbers, arrays; null/false are skipped.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = String(value);
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (key === 'href') el.setAttribute('href', safeHref(value));
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, ...children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces the children of el (textContent = '' empties without parsing anything). */
export function replace(el, ...children) {
  el.textContent = '';
  return append(el, children);
}

/** Only in-app hash links, blob downloads and same-origin paths: never javascript: or another origin. */
function safeHref(value) {
  const v = String(value);
  if (v.startsWith('#') || v.startsWith('blob:') || (v.startsWith('/') && !v.startsWith('//'))) return v;
  throw new Error('refusing link target ' + JSON.stringify(v));
}

/** A visually hidden text for screen readers. */
export function sr(text) {
  return h('span', {class: 'sr-only'}, text);
}

/** A table wrapper that scrolls sideways on narrow screens and can be scrolled with the keyboard. */
export function scrollRegion(label, table) {
  return h('div', {class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: '0'}, table);
}

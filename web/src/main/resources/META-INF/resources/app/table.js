// A sortable data table: the column headers are buttons (keyboard operable) and carry aria-sort.
import {h, replace, scrollRegion} from './dom.js';

/**
 * columns: [{key, label, type: 'text'|'number', value: row => sortable value, render: row => node|string}]
 * Returns the wrapped table element.
 */
export function sortableTable({caption, columns, rows, sortKey, descending = true, id}) {
  let key = sortKey || columns[0].key;
  let desc = descending;
  const table = h('table', {class: 'data', id});
  const thead = h('thead');
  const tbody = h('tbody');
  const capEl = h('caption', null, caption);
  table.append(capEl, thead, tbody);

  function valueOf(col, row) {
    return col.value ? col.value(row) : row[col.key];
  }

  function draw() {
    const col = columns.find(c => c.key === key);
    const sorted = [...rows].sort((a, b) => {
      const va = valueOf(col, a), vb = valueOf(col, b);
      let c;
      if (col.type === 'number') c = (Number(va) || 0) - (Number(vb) || 0);
      else c = String(va ?? '').localeCompare(String(vb ?? ''), 'en', {numeric: true});
      return desc ? -c : c;
    });
    replace(thead, h('tr', null, columns.map(c => {
      const active = c.key === key;
      const sort = active ? (desc ? 'descending' : 'ascending') : null;
      return h('th', {scope: 'col', class: c.type === 'number' ? 'num' : null, 'aria-sort': sort},
        h('button', {
          type: 'button', class: 'sort',
          onclick: () => {
            if (key === c.key) desc = !desc;
            else { key = c.key; desc = c.type === 'number'; }
            draw();
            thead.querySelector(`[data-key="${c.key}"]`)?.focus();
          },
          dataset: {key: c.key},
        }, c.label, h('span', {class: 'sort-mark', 'aria-hidden': 'true'}, active ? (desc ? ' ▼' : ' ▲') : ' ↕')));
    })));
    replace(tbody, sorted.length === 0
      ? h('tr', null, h('td', {colspan: String(columns.length), class: 'empty'}, 'No rows.'))
      : sorted.map(row => h('tr', null, columns.map((c, i) => {
        const content = c.render ? c.render(row) : valueOf(c, row);
        const cls = c.type === 'number' ? 'num' : null;
        return i === 0 ? h('th', {scope: 'row', class: cls}, content) : h('td', {class: cls}, content);
      }))));
  }

  draw();
  return scrollRegion(caption, table);
}

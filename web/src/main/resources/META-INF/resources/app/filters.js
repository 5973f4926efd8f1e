// Labelled form fields shared by the finance and worklist filters.
import {h, replace} from './dom.js';

export function selectField(id, label, value, options, emptyLabel = 'All') {
  const select = h('select', {id, name: id});
  fillOptions(select, options, value, emptyLabel);
  return {select, field: h('div', {class: 'field'}, h('label', {for: id}, label), select)};
}

/** options: [{value, label}]; the current value stays selectable even when it is not in the list. */
export function fillOptions(select, options, value, emptyLabel = 'All') {
  const list = [...options];
  if (value && !list.some(o => o.value === value)) list.unshift({value, label: value});
  replace(select, h('option', {value: ''}, emptyLabel),
    list.map(o => h('option', {value: o.value, selected: o.value === value}, o.label)));
  select.value = value || '';
}

export function runSelect(id, value) {
  return selectField(id, 'Run', value, [], 'All loaded runs');
}

export function fillRuns(select, runs, value) {
  const seen = new Set();
  const options = [];
  for (const r of runs) {
    if (seen.has(r.runId)) continue;
    seen.add(r.runId);
    const loaded = (r.loadedAt || '').slice(0, 10);
    options.push({value: r.runId, label: r.runId + (loaded ? ' (loaded ' + loaded + ')' : '')});
  }
  fillOptions(select, options, value, 'All loaded runs');
}

export function dateField(id, label, value) {
  const input = h('input', {id, name: id, type: 'date', value: value || null});
  return {input, field: h('div', {class: 'field'}, h('label', {for: id}, label), input)};
}

export function amountField(id, label, value) {
  const input = h('input', {id, name: id, type: 'number', min: '0', step: '0.01', inputmode: 'decimal', value: value || null});
  return {input, field: h('div', {class: 'field'}, h('label', {for: id}, label), input)};
}

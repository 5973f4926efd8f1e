// Loaded runs (GET /api/runs): when and by whom each was loaded, its counts, and the reference tables its
// prices come from (the manifest's tableVersions, issue 14: ASP quarter, OPPS release, PFS release).
import {h, replace, scrollRegion} from './dom.js';
import {get} from './api.js';
import {count} from './format.js';

export function renderRuns(ctx) {
  const {main} = ctx;
  ctx.title('Runs');
  const body = h('div', {'aria-busy': 'true', id: 'runs-body'});
  replace(main, h('section', {'aria-labelledby': 'runs-title'},
    h('h1', {id: 'runs-title', tabindex: '-1'}, 'Loaded runs'),
    h('p', {class: 'muted'}, 'Each run with the reference tables its prices come from (CMS ASP quarter, OPPS release, PFS release).'),
    body));
  ctx.focusHeading();
  get('/api/runs').then(runs => {
    if (!ctx.isCurrent()) return;
    body.removeAttribute('aria-busy');
    if (!runs.length) {
      replace(body, h('p', {class: 'muted'}, 'No run is loaded yet.'));
      return;
    }
    replace(body, scrollRegion('Loaded runs', h('table', {class: 'data', id: 'runs-table'},
      h('caption', {class: 'sr-only'}, 'Loaded runs and their table versions'),
      h('thead', null, h('tr', null, ['Run', 'Loaded', 'Findings', 'Encounters', 'Table versions']
        .map(t => h('th', {scope: 'col', class: ['Findings', 'Encounters'].includes(t) ? 'num' : null}, t)))),
      h('tbody', null, runs.map(r => h('tr', {'data-run': r.runId},
        h('th', {scope: 'row', class: 'mono run-id'}, r.runId),
        h('td', null, (r.loadedAt || '').slice(0, 16).replace('T', ' '), r.loadedBy ? h('span', {class: 'sub'}, r.loadedBy) : null),
        h('td', {class: 'num'}, count(r.findings)),
        h('td', {class: 'num'}, count(r.encounters)),
        h('td', {class: 'table-versions'}, versions(r))))))));
  }).catch(e => {
    if (!ctx.isCurrent()) return;
    body.removeAttribute('aria-busy');
    replace(body, h('p', {class: 'error', role: 'alert'}, 'Could not load the runs: ' + e.message));
  });
}

function versions(r) {
  const v = r.tableVersions && typeof r.tableVersions === 'object' ? Object.entries(r.tableVersions) : [];
  if (!v.length) return h('span', {class: 'muted'}, 'not recorded (run written before table versions)');
  return h('ul', {class: 'plain'}, v.map(([name, source]) => h('li', null, h('strong', null, name), ': ', String(source))),
    r.tablesAsOf ? h('li', null, 'priced as of ' + r.tablesAsOf) : null);
}

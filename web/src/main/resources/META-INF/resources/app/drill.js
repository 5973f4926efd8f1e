// Finance drill-down: payer -> billing provider -> finding kind -> claims -> the encounter's lines. Each
// level is a URL (#/drill?runId=&payerId=&billingNpi=&kind=&page=), so a step can be shared, reloaded and
// gone back to with the browser. Every figure is the API's (GET /api/summary?by=payer|provider|kind|claim
// with the levels above as filters); underpayment, overpayment and denial are shown apart, never added.
import {h, replace, scrollRegion} from './dom.js';
import {get, download, hasRole, query} from './api.js';
import {money, count, kindLabel} from './format.js';

const LEVELS = ['payerId', 'billingNpi', 'kind'];
const CLAIMS_PAGE = 25;

export function renderDrill(ctx) {
  const {main, params} = ctx;
  const scope = {runId: params.get('runId') || ''};
  for (const k of LEVELS) scope[k] = params.get(k) || '';
  const page = Math.max(0, Number(params.get('page')) || 0);
  const level = !scope.payerId ? 'payer' : !scope.billingNpi ? 'provider' : !scope.kind ? 'kind' : 'claim';
  const titles = {payer: 'By payer', provider: 'Providers of ' + scope.payerId,
    kind: 'Finding kinds of NPI ' + scope.billingNpi + ' (' + scope.payerId + ')', claim: 'Claims: ' + kindLabel(scope.kind)};
  ctx.title('Drill-down · ' + titles[level]);

  const alert = h('div', {role: 'alert', class: 'alert-slot'});
  const status = h('p', {class: 'muted', role: 'status', id: 'drill-status'}, 'Loading…');
  const results = h('div', {id: 'drill-results'});
  const pager = h('nav', {class: 'pager', 'aria-label': 'Pages'});
  const exportStatus = h('span', {class: 'muted', role: 'status', id: 'drill-export-status'});
  const filter = {runId: scope.runId, payerId: scope.payerId, billingNpi: scope.billingNpi, kind: scope.kind};
  const xlsxFindings = h('button', {type: 'button', class: 'secondary', id: 'drill-findings-xlsx'}, 'Findings (XLSX)');
  const xlsxSummary = h('button', {type: 'button', class: 'secondary', id: 'drill-summary-xlsx'}, 'Summary (XLSX)');
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  xlsxFindings.addEventListener('click', () => exportFile(xlsxFindings, exportStatus, '/api/findings/export.xlsx', filter, 'findings.xlsx', xlsx));
  xlsxSummary.addEventListener('click', () => exportFile(xlsxSummary, exportStatus, '/api/summary/export.xlsx', filter, 'summary.xlsx', xlsx));

  replace(main, h('section', {class: 'drill', 'aria-labelledby': 'drill-title'},
    h('h1', {id: 'drill-title', tabindex: '-1'}, 'Drill-down: ' + titles[level]),
    breadcrumbs(scope),
    h('div', {class: 'actions'}, xlsxFindings, xlsxSummary, exportStatus),
    alert, status, results, pager));
  ctx.focusHeading();

  const by = level;
  const q = {...filter, by};
  if (level === 'claim') Object.assign(q, {page, size: CLAIMS_PAGE});
  get('/api/summary', q).then(answer => {
    if (!ctx.isCurrent()) return;
    const rows = level === 'claim' ? answer.items : answer;
    status.textContent = rows.length
      ? (level === 'claim'
        ? 'Claims ' + count(page * CLAIMS_PAGE + 1) + '–' + count(page * CLAIMS_PAGE + rows.length) + ' of ' + count(answer.total) + ', largest first.'
        : count(rows.length) + ' rows.')
      : 'Nothing matches.';
    replace(results, rows.length ? table(level, rows, scope) : null);
    if (level === 'claim') drawPager(ctx, pager, scope, page, answer.total);
  }).catch(e => {
    if (!ctx.isCurrent()) return;
    status.textContent = '';
    replace(alert, h('p', {class: 'error'}, 'Could not load the drill-down: ' + e.message));
  });
}

/** Where we are, each level above a link back to it. */
function breadcrumbs(scope) {
  const steps = [h('a', {href: drillHref({runId: scope.runId}), id: 'crumb-all'}, 'All payers')];
  if (scope.payerId) steps.push(h('a', {href: drillHref({runId: scope.runId, payerId: scope.payerId}), id: 'crumb-payer'}, scope.payerId));
  if (scope.billingNpi) {
    steps.push(h('a', {href: drillHref({runId: scope.runId, payerId: scope.payerId, billingNpi: scope.billingNpi}), id: 'crumb-provider'},
      'NPI ' + scope.billingNpi));
  }
  if (scope.kind) steps.push(h('span', {id: 'crumb-kind'}, kindLabel(scope.kind)));
  const items = [];
  steps.forEach((s, i) => items.push(h('li', null, s)));
  return h('nav', {'aria-label': 'Drill-down path', class: 'breadcrumbs'}, h('ol', {id: 'drill-path'}, items));
}

export function drillHref(params) {
  return '#/drill' + query(params);
}

function moneyCells(r) {
  return [
    h('td', {class: 'num', 'data-label': 'Findings'}, count(r.findings)),
    h('td', {class: 'num', 'data-label': 'Underpayment'}, money(r.underpayment)),
    h('td', {class: 'num', 'data-label': 'Overpayment'}, money(r.overpayment)),
    h('td', {class: 'num', 'data-label': 'Denial'}, money(r.denial)),
  ];
}

function table(level, rows, scope) {
  const head = {payer: ['Payer'], provider: ['Billing provider'], kind: ['Finding kind'], claim: ['Claim', 'Date of service']}[level];
  const auditor = hasRole('auditor');
  const body = rows.map((r, i) => {
    let first;
    if (level === 'payer') first = [h('th', {scope: 'row'}, h('a', {href: drillHref({runId: scope.runId, payerId: r.payerId}), class: 'drill-link', id: 'drill-' + i}, r.payerId))];
    else if (level === 'provider') {
      first = [h('th', {scope: 'row'}, h('a', {href: drillHref({runId: scope.runId, payerId: scope.payerId, billingNpi: r.billingNpi}),
        class: 'drill-link', id: 'drill-' + i}, r.providerName ? r.providerName + ' (NPI ' + r.billingNpi + ')' : 'NPI ' + r.billingNpi))];
    } else if (level === 'kind') {
      first = [h('th', {scope: 'row'}, h('a', {href: drillHref({...scope, kind: r.kind}), class: 'drill-link', id: 'drill-' + i, title: r.kind}, kindLabel(r.kind)))];
    } else {
      // the encounter's lines are patient-level: a link for auditors, the claim id alone for finance
      const claim = auditor
        ? h('a', {href: '#/encounter/' + encodeURIComponent(r.claimId) + query({runId: r.runId}), class: 'drill-link', id: 'drill-' + i}, r.claimId)
        : h('span', {id: 'drill-' + i}, r.claimId);
      first = [h('th', {scope: 'row'}, claim), h('td', {class: 'nowrap'}, r.dateOfService)];
    }
    return h('tr', null, first, moneyCells(r));
  });
  return scrollRegion('Drill-down', h('table', {class: 'data', id: 'drill-table'},
    h('caption', {class: 'sr-only'}, 'Findings and money, each direction apart'),
    h('thead', null, h('tr', null, [...head, 'Findings', 'Underpayment', 'Overpayment', 'Denial']
      .map(t => h('th', {scope: 'col', class: ['Findings', 'Underpayment', 'Overpayment', 'Denial'].includes(t) ? 'num' : null}, t)))),
    h('tbody', null, body)));
}

function drawPager(ctx, pager, scope, page, total) {
  const prev = h('button', {type: 'button', class: 'secondary', id: 'drill-prev', disabled: page === 0}, '← Previous page');
  const next = h('button', {type: 'button', class: 'secondary', id: 'drill-next', disabled: (page + 1) * CLAIMS_PAGE >= total}, 'Next page →');
  prev.addEventListener('click', () => ctx.navigate('/drill', {...scope, page: page - 1 || ''}));
  next.addEventListener('click', () => ctx.navigate('/drill', {...scope, page: page + 1}));
  replace(pager, prev, next);
}

async function exportFile(button, status, path, params, name, accept) {
  button.disabled = true;
  status.textContent = 'Preparing ' + name + '…';
  try {
    const bytes = await download(path, params, name, accept);
    status.textContent = 'Downloaded ' + name + ' (' + count(bytes) + ' bytes).';
  } catch (e) {
    status.textContent = 'Export failed: ' + e.message;
  } finally {
    button.disabled = false;
  }
}

// One appeal campaign: its totals, its claims most urgent first (the API's order: to send and still in
// time by nearest deadline, then awaiting a decision, then past their deadline, then closed), the packet
// and per-claim letters, and, for auditors, the claim updates the state machine allows. Claims past their
// deadline are marked and are not in the recoverable total (the API leaves them out; nothing is
// recomputed here).
import {h, replace, sr, scrollRegion} from './dom.js';
import {get, send, download} from './api.js';
import {money, count} from './format.js';
import {STATES, stateLabel, stateBadge, stateCounts, canChangeCampaigns, daysText, routeLabel} from './campaigns.js';

const DECISIONS = ['won', 'partially_won', 'lost'];

export function renderCampaignDetail(ctx) {
  const {main, segments} = ctx;
  const id = segments[1] || '';
  ctx.title('Campaign ' + id);
  const alert = h('div', {role: 'alert', class: 'alert-slot', id: 'campaign-alert'});
  const status = h('p', {class: 'muted', role: 'status', id: 'campaign-status', tabindex: '-1'}, 'Loading the campaign…');
  const heading = h('h1', {id: 'campaign-title', tabindex: '-1'}, 'Campaign ' + id);
  const body = h('div', {id: 'campaign-body'});
  replace(main, h('section', {class: 'campaign', 'aria-labelledby': 'campaign-title'},
    h('a', {href: '#/campaigns', class: 'back-link'}, '← All campaigns'),
    heading, alert, status, body));
  ctx.focusHeading();
  if (!/^\d+$/.test(id)) {
    status.textContent = '';
    replace(alert, h('p', {class: 'error'}, 'No such campaign: “' + id + '”.'));
    return;
  }

  const state = {openClaim: null};
  async function load(message) {
    try {
      const c = await get('/api/campaigns/' + id);
      if (!ctx.isCurrent()) return;
      ctx.title(c.name);
      heading.textContent = c.name;
      replace(alert);
      status.textContent = message || (count(c.claims) + (c.claims === 1 ? ' claim' : ' claims') + ', most urgent first.');
      draw(ctx, body, c, state, load);
    } catch (e) {
      if (!ctx.isCurrent()) return;
      status.textContent = '';
      replace(alert, h('p', {class: 'error'}, 'Could not load the campaign: ' + e.message));
    }
  }
  load();
}

function tile(id, label, value, note) {
  return h('li', {class: 'tile', id: 'tile-' + id},
    h('span', {class: 'tile-label'}, label),
    h('span', {class: 'tile-value'}, value),
    note ? h('span', {class: 'tile-note'}, note) : null);
}

function draw(ctx, body, c, state, reload) {
  const readOnly = !canChangeCampaigns();
  const tiles = h('ul', {class: 'tiles', id: 'campaign-tiles'},
    tile('claims', 'Claims', count(c.claims), stateCounts(c.states)),
    tile('amount', 'Amount of the findings', money(c.amount), 'every finding that matched the filter'),
    tile('claimed', 'Asked back', money(c.claimed), 'underpayments and denials'),
    tile('recoverable', 'Recoverable', money(c.recoverable),
      c.pastDeadlineClaims
        ? 'leaves out ' + count(c.pastDeadlineClaims) + ' past deadline (' + money(c.pastDeadlineAmount) + ') and closed claims'
        : 'open claims still in time'),
    tile('appealed', 'Appealed', money(c.appealed), count(c.appealedClaims) + ' submitted or decided'),
    tile('recovered', 'Recovered', money(c.recovered), null));
  const facts = h('dl', {class: 'facts kv', id: 'campaign-facts'},
    fact('Owner', c.owner),
    fact('Created', String(c.createdAt || '').slice(0, 16).replace('T', ' ')),
    fact('Filter', c.filterDescription),
    fact('Open', c.archivedAt ? 'archived ' + String(c.archivedAt).slice(0, 16).replace('T', ' ') + ' by ' + c.archivedBy
      : 'yes: its claims are in no other open campaign'),
    fact('Nearest deadline', c.nextDeadline
      ? c.nextDeadline.due + ' (' + daysText(c.nextDeadline.daysLeft) + ', ' + routeLabel(c.nextDeadline.route)
        + (c.nextDeadline.estimated ? ', estimated' : '') + ') — claim ' + c.nextDeadline.claimId
      : 'none: no open claim is still in time'));

  const packetStatus = h('span', {class: 'muted', role: 'status', id: 'packet-status'});
  const packetState = h('select', {id: 'packet-state', name: 'packet-state'},
    h('option', {value: ''}, 'every claim'),
    STATES.filter(s => c.states && c.states[s] > 0).map(s => h('option', {value: s}, stateLabel(s).toLowerCase() + ' claims only')));
  // Claims past their deadline and claims asking nothing back stay out of the packet unless ticked here.
  const includeLate = h('input', {type: 'checkbox', id: 'packet-include-late', name: 'packet-include-late'});
  const includeZero = h('input', {type: 'checkbox', id: 'packet-include-zero', name: 'packet-include-zero'});
  const packetButton = h('button', {type: 'button', class: 'primary', id: 'download-packet'}, 'Download packet (ZIP)');
  packetButton.addEventListener('click', () => fileDownload(packetButton, packetStatus,
    '/api/campaigns/' + c.id + '/packet',
    {state: packetState.value, include: [includeLate.checked ? 'late' : '', includeZero.checked ? 'zero' : ''].filter(Boolean).join(',')},
    'campaign-' + c.id + '-packet.zip', 'application/zip', packetProgress(packetStatus)));
  const xlsxButton = h('button', {type: 'button', class: 'secondary', id: 'download-campaign-xlsx'}, 'Claims (XLSX)');
  xlsxButton.addEventListener('click', () => fileDownload(xlsxButton, packetStatus, '/api/campaigns/' + c.id + '/export.xlsx', null,
    'campaign-' + c.id + '.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'));
  const csvButton = h('button', {type: 'button', class: 'secondary', id: 'download-corrected-lines'}, 'Corrected lines (CSV)');
  csvButton.addEventListener('click', () => fileDownload(csvButton, packetStatus,
    '/api/campaigns/' + c.id + '/corrected-lines.csv', null, 'campaign-' + c.id + '-corrected-lines.csv', 'text/csv'));
  const actions = h('div', {class: 'panel packet-actions', id: 'packet-actions'},
    h('h2', null, 'Packet'),
    h('p', {class: 'muted small'}, 'One appeal letter PDF per claim to send, corrected-lines.csv (replacement lines) and index.csv'
      + ' (every claim: its letter, or why it was left out). Claims past their deadline or asking nothing back are left out unless ticked.'
      + (readOnly ? ' Patient ids are withheld for your role.' : '')),
    h('div', {class: 'build-row'},
      h('div', {class: 'field'}, h('label', {for: 'packet-state'}, 'Claims in the packet'), packetState),
      h('div', {class: 'field checkbox'}, includeLate, h('label', {for: 'packet-include-late'}, 'Include claims past their deadline')),
      h('div', {class: 'field checkbox'}, includeZero, h('label', {for: 'packet-include-zero'}, 'Include $0 claims')),
      packetButton, csvButton, xlsxButton,
      h('a', {href: '#/recovery?campaignId=' + c.id, class: 'button-link', id: 'campaign-recovery-link'}, 'Recovery report'),
      readOnly || c.archivedAt ? null : archiveButton(c, reload, packetStatus)),
    packetStatus);

  const claims = c.claimList || [];
  const claimsPanel = h('section', {class: 'panel', 'aria-labelledby': 'claims-title'},
    h('h2', {id: 'claims-title'}, 'Claims, most urgent first'),
    readOnly ? h('p', {class: 'muted small', id: 'read-only-note'}, 'Read only: your role can see this campaign, not change it.') : null,
    claims.length && !readOnly ? bulkBar(c, claims, reload) : null,
    claims.length ? claimsTable(c, claims, state, reload, readOnly) : h('p', {class: 'muted'}, 'No claim matched the filter.'));
  replace(body, tiles, facts, actions, claimsPanel);
}

/**
 * Many claims at once (POST /api/campaigns/{id}/transitions): the ticked claims move to one state; the
 * state machine refuses a claim that cannot make that move, and the answer lists each refusal.
 */
function bulkBar(c, claims, reload) {
  const target = h('select', {id: 'bulk-state', name: 'bulk-state'},
    ['ready', 'submitted', 'withdrawn', 'draft'].map(s => h('option', {value: s}, stateLabel(s))));
  const all = h('input', {type: 'checkbox', id: 'bulk-all', name: 'bulk-all'});
  const apply = h('button', {type: 'button', class: 'primary', id: 'bulk-apply'}, 'Move the ticked claims');
  const status = h('p', {class: 'muted small', role: 'status', id: 'bulk-status'});
  all.addEventListener('change', () => {
    for (const box of document.querySelectorAll('.bulk-pick')) box.checked = all.checked;
  });
  apply.addEventListener('click', async () => {
    const claimIds = [...document.querySelectorAll('.bulk-pick')].filter(b => b.checked).map(b => b.dataset.claim);
    if (!claimIds.length) { status.textContent = 'Tick the claims to move first.'; return; }
    apply.disabled = true;
    status.textContent = 'Moving ' + count(claimIds.length) + ' claims…';
    try {
      const answer = await send('POST', '/api/campaigns/' + c.id + '/transitions', {state: target.value, claimIds});
      const refused = answer.refused || [];
      reload('Moved ' + count(answer.changed) + ' claims to ' + stateLabel(target.value).toLowerCase()
        + (refused.length ? '; refused ' + count(refused.length) + ': ' + refused.map(r => r.claimId + ' (' + r.detail + ')').join('; ') : '') + '.');
    } catch (e) {
      status.textContent = 'Could not move the claims: ' + e.message;
      apply.disabled = false;
    }
  });
  return h('div', {class: 'build-row bulk-bar', id: 'bulk-bar'},
    h('div', {class: 'field checkbox'}, all, h('label', {for: 'bulk-all'}, 'Tick every claim')),
    h('div', {class: 'field'}, h('label', {for: 'bulk-state'}, 'New state'), target), apply, status);
}

/** Archiving keeps the campaign for the record and frees its claims for a new campaign. */
function archiveButton(c, reload, status) {
  const button = h('button', {type: 'button', class: 'secondary', id: 'archive-campaign'}, 'Archive campaign');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await send('POST', '/api/campaigns/' + c.id + '/archive', {});
      reload('Archived: its claims may go into a new campaign.');
    } catch (e) {
      status.textContent = 'Could not archive: ' + e.message;
      button.disabled = false;
    }
  });
  return button;
}

function fact(label, value) {
  return h('div', null, h('dt', null, label), h('dd', null, value || '—'));
}

/**
 * Progress of a packet being built: the server writes each letter into the ZIP as it is made, so the
 * letters received so far are counted from the ZIP's local file headers ("PK\x03\x04" + name) in the
 * stream; the total comes from the X-Packet-Letters header.
 */
function packetProgress(status) {
  let letters = 0;
  let tail = new Uint8Array(0);
  return (chunk, res) => {
    const total = res.headers.get('X-Packet-Letters');
    const data = new Uint8Array(tail.length + chunk.length);
    data.set(tail);
    data.set(chunk, tail.length);
    let i = 0;
    for (; i + 30 <= data.length; i++) {
      if (data[i] !== 0x50 || data[i + 1] !== 0x4b || data[i + 2] !== 0x03 || data[i + 3] !== 0x04) continue;
      const nameLength = data[i + 26] | (data[i + 27] << 8);
      if (i + 30 + nameLength > data.length) break;
      const name = new TextDecoder().decode(data.subarray(i + 30, i + 30 + nameLength));
      if (name.startsWith('appeal-') && name.endsWith('.pdf')) letters++;
      i += 29 + nameLength;
    }
    tail = data.slice(Math.min(i, data.length));
    status.textContent = 'Building the packet: ' + count(letters) + (total ? ' of ' + count(Number(total)) : '') + ' letters…';
  };
}

async function fileDownload(button, status, path, params, filename, accept, onChunk = null) {
  button.disabled = true;
  status.textContent = 'Preparing ' + filename + '…';
  try {
    const bytes = await download(path, params, filename, accept, onChunk);
    status.textContent = 'Downloaded ' + filename + ' (' + count(bytes) + ' bytes).';
  } catch (e) {
    status.textContent = 'Download failed: ' + e.message;
  } finally {
    button.disabled = false;
  }
}

const COLUMNS = ['Deadline', 'Claim', 'Provider', 'Date of service', 'Asked back', 'State', 'Recovered', 'Recoverable', 'Actions'];

function claimsTable(c, claims, state, reload, readOnly) {
  const tbody = h('tbody');
  claims.forEach((v, i) => {
    const past = !!v.pastDeadline;
    const letterStatus = h('span', {class: 'small', role: 'status'});
    const letter = h('button', {type: 'button', class: 'secondary letter-button', id: 'claim-' + i + '-letter'}, 'Letter (PDF)', sr(' for claim ' + v.claimId));
    letter.addEventListener('click', () => fileDownload(letter, letterStatus,
      '/api/campaigns/' + c.id + '/claims/' + encodeURIComponent(v.claimId) + '/letter.pdf', null,
      'appeal-' + c.id + '-' + String(v.claimId).replace(/[^A-Za-z0-9._-]/g, '_') + '.pdf', 'application/pdf'));
    const editorRow = h('tr', {class: 'editor-row', id: 'claim-' + i + '-editor', hidden: state.openClaim !== v.claimId});
    const toggle = h('button', {type: 'button', class: 'secondary', id: 'claim-' + i + '-toggle',
      'aria-expanded': state.openClaim === v.claimId ? 'true' : 'false', 'aria-controls': 'claim-' + i + '-editor'},
    readOnly ? 'History' : 'Update', sr(' claim ' + v.claimId));
    toggle.addEventListener('click', () => {
      const open = editorRow.hidden;
      editorRow.hidden = !open;
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      state.openClaim = open ? v.claimId : null;
      if (open) fillEditor(c, v, i, editorRow, state, reload, readOnly);
    });
    if (state.openClaim === v.claimId) fillEditor(c, v, i, editorRow, state, reload, readOnly);
    const d = v.deadline || {};
    tbody.append(
      h('tr', {class: past ? 'claim-row past-deadline' : 'claim-row', id: 'claim-' + i, dataset: {claim: v.claimId, state: v.state}},
        h('td', {class: 'deadline', 'data-label': 'Deadline'},
          past ? h('span', {class: 'badge past-badge'}, 'Past deadline') : null,
          h('span', {class: 'nowrap due'}, d.due || '—'),
          h('span', {class: 'sub'}, past ? 'every route closed' : daysText(d.daysLeft)),
          h('span', {class: 'sub'}, routeLabel(d.route) + (d.estimated ? ' · estimated' : ''))),
        h('th', {scope: 'row', 'data-label': 'Claim', class: 'claim-id'},
          readOnly ? null : h('input', {type: 'checkbox', class: 'bulk-pick', id: 'pick-' + i, dataset: {claim: v.claimId},
            'aria-label': 'Tick claim ' + v.claimId}),
          h('span', {class: 'nowrap'}, v.claimId),
          h('span', {class: 'sub'}, v.payerId + ' · ' + count(v.findings) + (v.findings === 1 ? ' finding' : ' findings'))),
        h('td', {class: 'provider', 'data-label': 'Provider'}, h('span', {class: 'provider-name'}, v.providerName || '—'),
          h('span', {class: 'sub'}, 'NPI ' + v.billingNpi)),
        h('td', {class: 'nowrap', 'data-label': 'Date of service'}, v.dateOfService),
        h('td', {class: 'num', 'data-label': 'Asked back'}, money(v.claimed)),
        h('td', {'data-label': 'State', class: 'claim-state'}, stateBadge(v.state),
          v.submittedOn ? h('span', {class: 'sub'}, 'sent ' + v.submittedOn) : null,
          v.decidedOn ? h('span', {class: 'sub'}, 'decided ' + v.decidedOn) : null),
        h('td', {class: 'num', 'data-label': 'Recovered'}, v.amountRecovered == null ? '—' : money(v.amountRecovered)),
        h('td', {class: 'num recoverable', 'data-label': 'Recoverable'}, money(v.recoverable),
          past ? sr(' (left out: past deadline)') : null),
        h('td', {class: 'actions-cell', 'data-label': 'Actions'}, h('div', {class: 'claim-actions'}, letter, toggle, letterStatus))),
      editorRow);
  });
  const table = h('table', {class: 'data campaign-claims', id: 'campaign-claims'},
    h('caption', {class: 'sr-only'}, 'Campaign claims, most urgent first; claims past their deadline are marked'),
    h('thead', null, h('tr', null, COLUMNS.map(t => h('th', {scope: 'col',
      class: ['Asked back', 'Recovered', 'Recoverable'].includes(t) ? 'num' : null}, t)))),
    tbody);
  return scrollRegion('Campaign claims', table);
}

/** The claim's history and, for auditors, the form with the moves the state machine allows. */
function fillEditor(c, v, i, row, state, reload, readOnly) {
  const history = h('div', {class: 'claim-history'}, h('p', {class: 'muted small'}, 'Loading the history…'));
  const cell = h('td', {colspan: String(COLUMNS.length)},
    readOnly ? null : claimForm(c, v, i, state, reload), history);
  replace(row, cell);
  get('/api/campaigns/' + c.id + '/claims/' + encodeURIComponent(v.claimId)).then(full => {
    if (!history.isConnected) return;
    const items = full.history || [];
    replace(history, h('h3', null, 'History'),
      items.length ? h('ol', {class: 'history-list'}, items.map(x => h('li', null,
        String(x.changedAt || '').slice(0, 16).replace('T', ' ') + ' · ' + x.changedBy + ': '
        + (x.from ? stateLabel(x.from) + ' → ' : 'created as ') + stateLabel(x.to)
        + (x.amountRecovered != null ? ' · recovered ' + money(x.amountRecovered) : '')
        + (x.note ? ' · ' + x.note : ''))))
        : h('p', {class: 'muted small'}, 'No changes yet.'));
  }).catch(e => {
    if (history.isConnected) replace(history, h('p', {class: 'error'}, 'Could not load the history: ' + e.message));
  });
}

function claimForm(c, v, i, state, reload) {
  const p = 'claim-' + i;
  const next = v.nextStates || [];
  const message = h('p', {class: 'small', role: 'status', id: p + '-message'});
  const to = h('select', {id: p + '-state', name: p + '-state'},
    h('option', {value: ''}, 'keep ' + stateLabel(v.state).toLowerCase()),
    next.map(s => h('option', {value: s}, stateLabel(s))));
  const submitted = h('input', {id: p + '-submitted', type: 'date'});
  const decided = h('input', {id: p + '-decided', type: 'date'});
  const amount = h('input', {id: p + '-amount', type: 'number', min: '0', step: '0.01', inputmode: 'decimal',
    placeholder: String(v.claimed)});
  const determination = h('input', {id: p + '-determination', type: 'date', value: v.determinationDate || null});
  const note = h('textarea', {id: p + '-note', rows: '2', maxlength: '2000'});
  const fSubmitted = field(p + '-submitted', 'Submitted on (default today)', submitted);
  const fDecided = field(p + '-decided', 'Decided on (default today)', decided);
  const fAmount = field(p + '-amount', 'Amount recovered ($)', amount);
  function showFields() {
    const s = to.value;
    fSubmitted.hidden = s !== 'submitted';
    fDecided.hidden = !DECISIONS.includes(s);
    fAmount.hidden = s !== 'won' && s !== 'partially_won';
    amount.required = s === 'partially_won';
  }
  to.addEventListener('change', showFields);
  showFields();
  const save = h('button', {type: 'submit', class: 'primary', id: p + '-save'}, 'Save');
  const form = h('form', {class: 'claim-form', id: p + '-form', dataset: {claim: v.claimId}},
    h('p', {class: 'small'}, 'Now ' + stateLabel(v.state).toLowerCase() + '. ',
      next.length ? 'Allowed moves: ' + next.map(stateLabel).join(', ') + '.' : 'This state is final: no further move.'),
    h('div', {class: 'claim-fields'},
      next.length ? field(p + '-state', 'Move to', to) : null, fSubmitted, fDecided, fAmount,
      field(p + '-determination', 'Determination (remittance) date', determination),
      field(p + '-note', 'Note', note)),
    save, message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = {from: v.state};
    if (to.value) body.state = to.value;
    if (to.value === 'submitted' && submitted.value) body.submittedOn = submitted.value;
    if (DECISIONS.includes(to.value) && decided.value) body.decidedOn = decided.value;
    if ((to.value === 'won' || to.value === 'partially_won') && amount.value !== '') body.amountRecovered = amount.value;
    if ((determination.value || null) !== (v.determinationDate || null)) body.determinationDate = determination.value || null;
    if (note.value.trim()) body.note = note.value.trim();
    if (Object.keys(body).length === 1) {
      message.textContent = 'Nothing to save: choose a move, a date or a note.';
      return;
    }
    save.disabled = true;
    message.textContent = 'Saving…';
    try {
      const updated = await send('PATCH', '/api/campaigns/' + c.id + '/claims/' + encodeURIComponent(v.claimId), body);
      state.openClaim = null;
      const what = body.state
        ? 'Claim ' + v.claimId + ' moved from ' + stateLabel(v.state).toLowerCase() + ' to ' + stateLabel(updated.state).toLowerCase() + '.'
        : 'Claim ' + v.claimId + ' updated.';
      await reload(what);
      document.getElementById('campaign-status')?.focus();
    } catch (e) {
      message.textContent = 'Not saved: ' + e.message;
      save.disabled = false;
    }
  });
  return form;
}

function field(id, label, input) {
  return h('div', {class: 'field'}, h('label', {for: id}, label), input);
}

// The auditor's decision on a finding: open, accepted, or dismissed with a reason, stored by the API
// (table finding_status) so everyone sees it. The page offers the change only when the server has the
// endpoint below; it never keeps a status of its own in the browser.
import {h, replace} from './dom.js';
import {send, apiHasOperation} from './api.js';

export const STATUS_PATH = '/api/findings/status';
const LABELS = {OPEN: 'Open', ACCEPTED: 'Accepted', DISMISSED: 'Dismissed'};

export function statusKey(status) {
  return String(status || 'OPEN').toUpperCase();
}

export function statusLabel(status) {
  const k = statusKey(status);
  return LABELS[k] || String(status);
}

function currentText(f) {
  const parts = [statusLabel(f.status)];
  const reason = f.statusReason ?? f.statusNote;
  if (reason) parts.push('reason: ' + reason);
  if (f.statusBy) parts.push('by ' + f.statusBy + (f.statusAt ? ' on ' + String(f.statusAt).slice(0, 16).replace('T', ' ') : ''));
  return parts.join(' · ');
}

/** The status line of one finding, with the form to change it when the API can store it. */
export function statusBlock(finding, idPrefix) {
  const current = h('p', {class: 'status-current', id: idPrefix + '-status'},
    h('strong', null, 'Status: '), h('span', {class: 'status-text'}, currentText(finding)));
  const slot = h('div', {class: 'status-edit'});
  const block = h('div', {class: 'status-block'}, current, slot);
  apiHasOperation('PUT', STATUS_PATH).then(available => {
    if (!block.isConnected) return;
    if (!available) {
      replace(slot, h('p', {class: 'muted small'},
        'Changing the status is not possible yet: this server has no endpoint to store it (PUT ' + STATUS_PATH + ').'));
      return;
    }
    replace(slot, statusForm(finding, idPrefix, updated => {
      Object.assign(finding, updated);
      replace(current.querySelector('.status-text'), currentText(finding));
    }));
  });
  return block;
}

function statusForm(finding, idPrefix, onSaved) {
  const name = idPrefix + '-choice';
  const reasonId = idPrefix + '-reason';
  const message = h('span', {role: 'status', class: 'small'});
  const reason = h('textarea', {id: reasonId, rows: '2', maxlength: '2000'}, finding.statusReason ?? finding.statusNote ?? '');
  const radios = Object.entries(LABELS).map(([value, label]) => {
    const id = idPrefix + '-' + value.toLowerCase();
    return h('span', {class: 'radio'},
      h('input', {type: 'radio', name, id, value, checked: statusKey(finding.status) === value}),
      h('label', {for: id}, label));
  });
  const save = h('button', {type: 'submit', class: 'secondary'}, 'Save status');
  const form = h('form', {class: 'status-form'},
    h('fieldset', null, h('legend', null, 'Change status'), radios),
    h('div', {class: 'field'}, h('label', {for: reasonId}, 'Reason (required to dismiss)'), reason),
    save, ' ', message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = form.querySelector(`input[name="${name}"]:checked`)?.value || 'OPEN';
    if (chosen === 'DISMISSED' && !reason.value.trim()) {
      message.textContent = 'Give a reason to dismiss this finding.';
      reason.focus();
      return;
    }
    save.disabled = true;
    message.textContent = 'Saving…';
    try {
      const updated = await send('PUT', STATUS_PATH, {
        runId: finding.runId, claimId: finding.claimId, findingIndex: finding.findingIndex,
        status: chosen, reason: reason.value.trim() || null,
      });
      onSaved(updated || {status: chosen});
      message.textContent = 'Saved.';
    } catch (e) {
      message.textContent = 'Not saved: ' + e.message;
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

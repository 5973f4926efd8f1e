// The login page: the server checks the password (POST /api/session) and opens the session; nothing secret is stored.
import {h, replace} from './dom.js';
import {login} from './api.js';

export function renderLogin(main, {message, onLoggedIn}) {
  const error = h('p', {class: 'error', id: 'login-error', role: 'alert'}, message || '');
  if (!message) error.hidden = true;
  const user = h('input', {id: 'username', name: 'username', autocomplete: 'username', required: true,
    autocapitalize: 'none', spellcheck: 'false'});
  const pass = h('input', {id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const submit = h('button', {type: 'submit', class: 'primary', id: 'login-submit'}, 'Log in');
  const form = h('form', {class: 'login-form', 'aria-describedby': 'login-error', novalidate: true},
    h('div', {class: 'field'}, h('label', {for: 'username'}, 'User name'), user),
    h('div', {class: 'field'}, h('label', {for: 'password'}, 'Password'), pass),
    submit, error);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!user.value.trim() || !pass.value) {
      error.hidden = false;
      error.textContent = 'Enter your user name and password.';
      (user.value.trim() ? pass : user).focus();
      return;
    }
    submit.disabled = true;
    error.hidden = true;
    try {
      await login(user.value.trim(), pass.value);
      pass.value = '';
      onLoggedIn();
    } catch (e) {
      error.hidden = false;
      error.textContent = e.message;
      pass.value = '';
      pass.focus();
    } finally {
      submit.disabled = false;
    }
  });
  replace(main, h('section', {class: 'login'},
    h('h1', {tabindex: '-1'}, 'Log in to oncoaudit'),
    h('p', {class: 'muted'}, 'Use the account your administrator created for you.'),
    form));
  user.focus();
}

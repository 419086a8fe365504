// The hosted form's script, a progressive enhancement (the form posts without it): checks the
// checkbox groups the browser cannot, sends the form in the background, then shows the completion
// text, follows the redirect, or goes on to a multi-page form's next page (`formWaitingUrl`). Any answer it cannot use falls back to a plain submission.
export const FORM_PAGE_SCRIPT = `(function () {
  var config = JSON.parse(document.getElementById('form-config').textContent);
  var form = document.querySelector('form.form');
  if (!form) return;
  var button = form.querySelector('.submit-btn');
  function groupError(group, message) {
    var error = group.querySelector('.field-error');
    if (!error) {
      error = document.createElement('div');
      error.className = 'field-error';
      error.setAttribute('role', 'alert');
      group.appendChild(error);
    }
    error.textContent = message;
    error.hidden = !message;
    group.classList.toggle('has-error', Boolean(message));
  }
  function checkGroups() {
    var ok = true;
    form.querySelectorAll('fieldset[data-checkbox-group]').forEach(function (group) {
      var checked = group.querySelectorAll('input[type=checkbox]:checked').length;
      var d = group.dataset, message = '';
      if (d.required === 'true' && checked === 0) message = 'Select at least one option';
      else if (d.exact && checked > 0 && checked !== Number(d.exact)) message = 'Select exactly ' + d.exact + ' options';
      else if (d.min && checked > 0 && checked < Number(d.min)) message = 'Select at least ' + d.min + ' options';
      else if (d.max && checked > Number(d.max)) message = 'Select at most ' + d.max + ' options';
      groupError(group, message);
      if (message) ok = false;
    });
    return ok;
  }
  form.addEventListener('submit', function (event) {
    if (form.dataset.plain === 'true') return;
    event.preventDefault();
    if (!checkGroups()) return;
    button.disabled = true;
    fetch(form.getAttribute('action') || window.location.href, { method: 'POST', body: new FormData(form), headers: { 'x-form-script': '1' } })
      .then(function (res) {
        if (res.status === 400 || res.status === 401 || res.status === 403) {
          form.dataset.plain = 'true';
          form.submit();
          return;
        }
        if (!res.ok) throw new Error('status ' + res.status);
        var json = (res.headers.get('content-type') || '').indexOf('application/json') !== -1;
        return (json ? res.json() : res.text()).then(function (data) {
          // A multi-page form: the next page (or the ending) is at the run's form-waiting URL.
          if (json && data && typeof data.formWaitingUrl === 'string') {
            window.location.replace(data.formWaitingUrl);
            return;
          }
          if (config.redirectUrl) {
            window.location.href = config.redirectUrl;
            return;
          }
          if (config.useResponseData) {
            // The Respond to Webhook node's answer, shown as text (never run as markup here).
            var shown = document.querySelector('#completion p') || document.getElementById('completion').appendChild(document.createElement('p'));
            shown.textContent = typeof data === 'string' ? data : JSON.stringify(data);
          }
          document.getElementById('form-card').hidden = true;
          document.getElementById('completion').hidden = false;
        });
      })
      .catch(function () {
        button.disabled = false;
        groupError(form, 'Problem submitting response. Please try again.');
      });
  });
})();`;

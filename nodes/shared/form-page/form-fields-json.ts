// Form elements given as JSON (n8n's "Define Form: Using JSON", its tryToParseJsonToFormFields):
// a list of element objects with the keys and element types n8n accepts, checked before use so a
// bad definition fails the node with n8n's message. Text values other than HTML have `<`/`>`
// escaped, as n8n does; choices may be given as a plain list of `{ option }`.

const ALLOWED_KEYS = new Set([
  'fieldLabel', 'fieldType', 'placeholder', 'defaultValue', 'fieldOptions', 'multiselect', 'multipleFiles', 'acceptFileTypes',
  'formatDate', 'requiredField', 'fieldValue', 'elementName', 'html', 'fieldName', 'limitSelection', 'numberOfSelections',
  'minSelections', 'maxSelections',
]);

const ALLOWED_TYPES = new Set(['date', 'dropdown', 'email', 'file', 'number', 'password', 'text', 'textarea', 'checkbox', 'radio', 'html', 'hiddenField']);

/** The message of a definition that cannot be used (n8n's wording). */
export class FormFieldsJsonError extends Error {}

/** JSON, or a JavaScript object literal (unquoted keys, single quotes), as n8n's jsonParse accepts. */
function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const quoted = text.replace(/'/g, '"').replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":');
    return JSON.parse(quoted);
  }
}

/** The element objects of a JSON form definition (`formFields.values` shape), or a FormFieldsJsonError. */
export function parseFormFieldsJson(value: unknown): Record<string, unknown>[] {
  let raw: unknown;
  try {
    // An expression may already have produced the list.
    raw = typeof value === 'string' ? parseLoose(value) : JSON.parse(JSON.stringify(value ?? null));
  } catch {
    throw new FormFieldsJsonError('Value is not valid JSON');
  }
  if (!Array.isArray(raw)) throw new FormFieldsJsonError('Value is not valid JSON');
  return raw.map((entry, index) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new FormFieldsJsonError('Value is not valid JSON');
    const field = { ...(entry as Record<string, unknown>) };
    for (const [key, v] of Object.entries(field)) {
      if (!ALLOWED_KEYS.has(key)) throw new FormFieldsJsonError(`Key '${key}' in field ${index} is not valid for form fields`);
      if (key !== 'fieldOptions' && !['string', 'number', 'boolean'].includes(typeof v)) field[key] = String(v);
      else if (typeof v === 'string' && key !== 'html') field[key] = v.replace(/</g, '&lt;').replace(/>/g, '&gt;');
      if (key === 'fieldType' && !ALLOWED_TYPES.has(String(field[key]))) {
        throw new FormFieldsJsonError(`Field type '${String(field[key])}' in field ${index} is not valid for form fields`);
      }
      if (key === 'fieldOptions') field[key] = checkedOptions(v, index);
    }
    return field;
  });
}

function checkedOptions(value: unknown, index: number): { values: { option: string }[] } {
  const wrapped = Array.isArray(value) ? { values: value } : value;
  const values = (wrapped as { values?: unknown } | null)?.values;
  if (!wrapped || typeof wrapped !== 'object' || !values) {
    throw new FormFieldsJsonError(`Field dropdown in field ${index} does has no 'values' property that contain an array of options`);
  }
  if (!Array.isArray(values)) throw new FormFieldsJsonError(`Field dropdown in field ${index} has an invalid option 0`);
  values.forEach((option, n) => {
    const ok = option && typeof option === 'object' && Object.keys(option).length === 1 && typeof (option as { option?: unknown }).option === 'string';
    if (!ok) throw new FormFieldsJsonError(`Field dropdown in field ${index} has an invalid option ${n}`);
  });
  return { values: values as { option: string }[] };
}

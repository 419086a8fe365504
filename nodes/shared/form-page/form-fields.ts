// n8n's form elements (`formFields.values[]` of the Form Trigger, the Form node and the Wait node's
// "On Form Submitted"), read from parameters with n8n's defaults; each is posted as `field-<index>`.
export interface FormField {
  fieldLabel: string;
  fieldType: string;
  requiredField: boolean;
  placeholder: string;
  /** Dropdown, checkbox and radio choices. */
  options: string[];
  multiselect: boolean;
  acceptFileTypes: string;
  multipleFiles: boolean;
  formatDate: string;
  /** Hidden fields: the name in the output and the query parameter that fills it. */
  fieldName: string;
  fieldValue: string;
  /** Custom HTML: the markup, and the output key it is copied to (if any). */
  html: string;
  elementName: string;
  limitSelection: string;
  numberOfSelections: number;
  minSelections: number;
  maxSelections: number;
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : v === undefined || v === null ? fallback : String(v));
const num = (v: unknown, fallback: number): number => (Number.isFinite(Number(v)) && v !== '' && v !== null && v !== undefined ? Number(v) : fallback);

/** The elements of a `formFields` parameter (`{ values: [...] }`), defaults applied. */
export function readFormFields(formFields: unknown): FormField[] {
  const values = (formFields as { values?: unknown } | undefined)?.values;
  if (!Array.isArray(values)) return [];
  return values.filter((v) => v && typeof v === 'object').map((raw) => {
    const v = raw as Record<string, unknown>;
    const fieldType = str(v.fieldType, 'text');
    const optionValues = (v.fieldOptions as { values?: Array<{ option?: unknown }> } | undefined)?.values;
    return {
      // A hidden field is listed under its name (n8n copies fieldName to fieldLabel).
      fieldLabel: fieldType === 'hiddenField' ? str(v.fieldName) : str(v.fieldLabel),
      fieldType,
      requiredField: v.requiredField === true,
      placeholder: str(v.placeholder),
      options: Array.isArray(optionValues) ? optionValues.map((o) => str(o?.option)) : [],
      multiselect: v.multiselect === true,
      acceptFileTypes: str(v.acceptFileTypes),
      multipleFiles: v.multipleFiles !== false,
      formatDate: str(v.formatDate),
      fieldName: str(v.fieldName),
      fieldValue: str(v.fieldValue),
      html: str(v.html),
      elementName: str(v.elementName),
      limitSelection: str(v.limitSelection, 'unlimited'),
      numberOfSelections: num(v.numberOfSelections, 1),
      minSelections: num(v.minSelections, 0),
      maxSelections: num(v.maxSelections, 1),
    };
  });
}

/** The name an element is posted under. */
export const fieldKey = (index: number): string => `field-${index}`;

/** Elements that post several values: checkboxes, and dropdowns with Multiple Choice. */
export function isMultiValue(field: FormField): boolean {
  return field.fieldType === 'checkbox' || (field.fieldType === 'dropdown' && field.multiselect);
}

/** What the user is shown after submitting: a text, or a redirect (n8n's respondWithOptions). */
export interface FormCompletion {
  text: string;
  redirectUrl?: string;
}

/** n8n's "Form Response" option (`options.respondWithOptions.values`), or the v1 `formSubmittedText` option. */
export function readCompletion(options: Record<string, unknown>): FormCompletion {
  const values = (options.respondWithOptions as { values?: Record<string, unknown> } | undefined)?.values;
  if (values) {
    if (values.respondWith === 'redirect' && str(values.redirectUrl)) {
      const url = str(values.redirectUrl);
      return { text: '', redirectUrl: url.includes('://') ? url : `http://${url}` };
    }
    return { text: str(values.formSubmittedText, 'Your response has been recorded') };
  }
  return { text: str(options.formSubmittedText, 'Your response has been recorded') };
}

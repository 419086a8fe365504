// n8n's "Define Form: Using JSON" definitions: what is accepted, escaped and refused (with n8n's words).
import { describe, expect, it } from 'vitest';
import { FormFieldsJsonError, parseFormFieldsJson } from './form-fields-json.ts';

describe('parseFormFieldsJson', () => {
  it('accepts JSON or an object literal; escapes < and > outside HTML; wraps a plain option list', () => {
    expect(parseFormFieldsJson('[{"fieldLabel":"<b>Name</b>","requiredField":true},{"fieldType":"html","html":"<p>hi</p>"}]')).toEqual([
      { fieldLabel: '&lt;b&gt;Name&lt;/b&gt;', requiredField: true },
      { fieldType: 'html', html: '<p>hi</p>' },
    ]);
    expect(parseFormFieldsJson("[{fieldLabel: 'Pick', fieldType: 'radio', fieldOptions: [{option: 'a'}]}]")).toEqual([
      { fieldLabel: 'Pick', fieldType: 'radio', fieldOptions: { values: [{ option: 'a' }] } },
    ]);
    expect(parseFormFieldsJson([{ fieldLabel: 'Age', fieldType: 'number', placeholder: { x: 1 } }])).toEqual([
      { fieldLabel: 'Age', fieldType: 'number', placeholder: '[object Object]' },
    ]);
  });

  it('refuses unknown keys and element types, bad options and text that is not a JSON list', () => {
    const refused = (value: unknown) => {
      try {
        parseFormFieldsJson(value);
      } catch (error) {
        expect(error).toBeInstanceOf(FormFieldsJsonError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refused('[{"label":"x"}]')).toBe("Key 'label' in field 0 is not valid for form fields");
    expect(refused('[{"fieldLabel":"a"},{"fieldType":"select"}]')).toBe("Field type 'select' in field 1 is not valid for form fields");
    expect(refused('[{"fieldType":"dropdown","fieldOptions":{}}]')).toBe("Field dropdown in field 0 does has no 'values' property that contain an array of options");
    expect(refused('[{"fieldType":"dropdown","fieldOptions":[{"option":"a","extra":1}]}]')).toBe('Field dropdown in field 0 has an invalid option 0');
    expect(refused('[{"fieldLabel":"a"')).toBe('Value is not valid JSON');
    expect(refused('{"fieldLabel":"a"}')).toBe('Value is not valid JSON');
  });
});

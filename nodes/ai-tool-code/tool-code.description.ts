// The Code Tool's parameters as n8n declares them.
import type { NodeProperty } from '../../engine/index.ts';
import { inputSchemaProperty, jsonSchemaExampleNotice, jsonSchemaExampleProperty, schemaTypeProperty } from '../ai-shared/tool-schema-properties.ts';

export const codeToolProperties: NodeProperty[] = [
  { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'My_Tool', displayOptions: { show: { '@version': [1] } } },
  { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. My_Tool', description: 'The name of the function to be called, could contain letters, numbers, and underscores only', displayOptions: { show: { '@version': [1.1] } } },
  { displayName: 'Description', name: 'description', type: 'string', default: '', placeholder: 'Call this tool to get a random color. The input should be a string with comma separted names of colors to exclude.', typeOptions: { rows: 3 } },
  { displayName: 'Language', name: 'language', type: 'options', noDataExpression: true, options: [{ name: 'JavaScript', value: 'javaScript' }, { name: 'Python (Beta)', value: 'python' }], default: 'javaScript' },
  { displayName: 'JavaScript', name: 'jsCode', type: 'string', displayOptions: { show: { language: ['javaScript'] } }, typeOptions: { editor: 'jsEditor' }, default: '// Example: convert the incoming query to uppercase and return it\nreturn query.toUpperCase()', description: 'E.g. Converts any text to uppercase', noDataExpression: true },
  { displayName: 'Python', name: 'pythonCode', type: 'string', displayOptions: { show: { language: ['python'] } }, typeOptions: { editor: 'codeNodeEditor', editorLanguage: 'python' }, default: '# Example: convert the incoming query to uppercase and return it\nreturn query.upper()', description: 'E.g. Converts any text to uppercase', noDataExpression: true },
  { displayName: 'Specify Input Schema', name: 'specifyInputSchema', type: 'boolean', description: 'Whether to specify the schema for the function. This would require the LLM to provide the input in the correct format and would validate it against the schema.', noDataExpression: true, default: false },
  schemaTypeProperty({ specifyInputSchema: [true] }),
  jsonSchemaExampleProperty({ specifyInputSchema: [true] }),
  jsonSchemaExampleNotice({ specifyInputSchema: [true], '@version': [{ _cnd: { gte: 1.3 } }] }),
  inputSchemaProperty({ specifyInputSchema: [true] }),
];

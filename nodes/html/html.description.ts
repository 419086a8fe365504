// HTML node parameters (n8n-nodes-base.html v1, 1.1, 1.2), with their per-version display conditions.
import type { NodeProperty } from '../../engine/index.ts';

/** Used when a Generate HTML Template node leaves `html` unset (an approximation of n8n's sample). */
export const HTML_TEMPLATE_DEFAULT = `<!DOCTYPE html>

<html>
<head>
  <meta charset="UTF-8" />
  <title>My HTML document</title>
</head>
<body>
  <div class="container">
    <h1>This is an H1 heading</h1>
    <h2>This is an H2 heading</h2>
    <p>This is a paragraph</p>
  </div>
</body>
</html>
`;

const extract = { operation: ['extractHtmlContent'] };

const extractionValues = (displayVersion: unknown[], fallback: unknown): NodeProperty => ({
  displayName: 'Extraction Values',
  name: 'extractionValues',
  placeholder: 'Add Value',
  type: 'fixedCollection',
  typeOptions: { multipleValues: true },
  default: fallback,
  displayOptions: { show: { ...extract, '@version': displayVersion } },
  options: [
    {
      name: 'values',
      displayName: 'Values',
      values: [
        { displayName: 'Key', name: 'key', type: 'string', default: '' },
        { displayName: 'CSS Selector', name: 'cssSelector', type: 'string', default: '', placeholder: '.price' },
        {
          displayName: 'Return Value',
          name: 'returnValue',
          type: 'options',
          options: [
            { name: 'Attribute', value: 'attribute' },
            { name: 'HTML', value: 'html' },
            { name: 'Text', value: 'text' },
            { name: 'Value', value: 'value' },
          ],
          default: 'text',
        },
        { displayName: 'Attribute', name: 'attribute', type: 'string', default: '', displayOptions: { show: { returnValue: ['attribute'] } } },
        {
          displayName: 'Skip Selectors',
          name: 'skipSelectors',
          type: 'string',
          default: '',
          placeholder: 'e.g. img, .className, #ItemId',
          description: 'Comma-separated list of selectors to leave out of the text',
          displayOptions: { show: { returnValue: ['text'], '@version': [{ _cnd: { gt: 1.1 } }] } },
        },
        { displayName: 'Return Array', name: 'returnArray', type: 'boolean', default: false },
      ],
    },
  ],
});

export const EXTRACTION_VALUES_DEFAULT_V11 = { values: [{ key: '', cssSelector: '', returnValue: 'text', returnArray: false }] };

export const htmlProperties: NodeProperty[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Generate HTML Template', value: 'generateHtmlTemplate' },
      { name: 'Extract HTML Content', value: 'extractHtmlContent' },
      { name: 'Convert to HTML Table', value: 'convertToHtmlTable' },
    ],
    default: 'generateHtmlTemplate',
  },
  {
    displayName: 'HTML Template',
    name: 'html',
    type: 'string',
    typeOptions: { editor: 'htmlEditor' },
    default: HTML_TEMPLATE_DEFAULT,
    noDataExpression: true,
    displayOptions: { show: { operation: ['generateHtmlTemplate'] } },
  },
  {
    displayName: 'Source Data',
    name: 'sourceData',
    type: 'options',
    options: [
      { name: 'Binary', value: 'binary' },
      { name: 'JSON', value: 'json' },
    ],
    default: 'json',
    displayOptions: { show: extract },
  },
  {
    displayName: 'Input Binary Field',
    name: 'dataPropertyName',
    type: 'string',
    default: 'data',
    required: true,
    displayOptions: { show: { ...extract, sourceData: ['binary'] } },
  },
  {
    displayName: 'JSON Property',
    name: 'dataPropertyName',
    type: 'string',
    default: 'data',
    required: true,
    displayOptions: { show: { ...extract, sourceData: ['json'] } },
  },
  extractionValues([1], {}),
  extractionValues([{ _cnd: { gt: 1 } }], EXTRACTION_VALUES_DEFAULT_V11),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: { show: extract },
    options: [
      { displayName: 'Trim Values', name: 'trimValues', type: 'boolean', default: true },
      { displayName: 'Clean Up Text', name: 'cleanUpText', type: 'boolean', default: true },
    ],
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: { show: { operation: ['convertToHtmlTable'] } },
    options: [
      { displayName: 'Capitalize Headers', name: 'capitalize', type: 'boolean', default: false },
      { displayName: 'Custom Styling', name: 'customStyling', type: 'boolean', default: false },
      { displayName: 'Caption', name: 'caption', type: 'string', default: '' },
      { displayName: 'Table Attributes', name: 'tableAttributes', type: 'string', default: '' },
      { displayName: 'Header Attributes', name: 'headerAttributes', type: 'string', default: '' },
      { displayName: 'Row Attributes', name: 'rowAttributes', type: 'string', default: '' },
      { displayName: 'Cell Attributes', name: 'cellAttributes', type: 'string', default: '' },
    ],
  },
];

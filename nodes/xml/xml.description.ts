// XML node parameters (n8n-nodes-base.xml v1): mode, property name and per-mode options.
import type { NodeProperty } from '../../engine/index.ts';

const jsonToXml = { show: { mode: ['jsonToxml'] } };
const xmlToJson = { show: { mode: ['xmlToJson'] } };

export const xmlProperties: NodeProperty[] = [
  {
    displayName: 'Mode',
    name: 'mode',
    type: 'options',
    options: [
      { name: 'JSON to XML', value: 'jsonToxml', description: 'Converts data from JSON to XML' },
      { name: 'XML to JSON', value: 'xmlToJson', description: 'Converts data from XML to JSON' },
    ],
    default: 'xmlToJson',
    description: 'From and to what format the data should be converted',
  },
  {
    displayName: 'Property Name',
    name: 'dataPropertyName',
    type: 'string',
    default: 'data',
    required: true,
    description: 'Name of the property to which to contains the converted XML data',
    displayOptions: jsonToXml,
  },
  {
    displayName: 'Property Name',
    name: 'dataPropertyName',
    type: 'string',
    default: 'data',
    required: true,
    description: 'Name of the property which contains the XML data to convert',
    displayOptions: xmlToJson,
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: jsonToXml,
    options: [
      { displayName: 'Allow Surrogate Chars', name: 'allowSurrogateChars', type: 'boolean', default: false },
      { displayName: 'Attribute Key', name: 'attrkey', type: 'string', default: '$' },
      { displayName: 'Cdata', name: 'cdata', type: 'boolean', default: false },
      { displayName: 'Character Key', name: 'charkey', type: 'string', default: '_' },
      { displayName: 'Headless', name: 'headless', type: 'boolean', default: false },
      { displayName: 'Root Name', name: 'rootName', type: 'string', default: 'root' },
    ],
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: xmlToJson,
    options: [
      { displayName: 'Attribute Key', name: 'attrkey', type: 'string', default: '$' },
      { displayName: 'Character Key', name: 'charkey', type: 'string', default: '_' },
      { displayName: 'Explicit Array', name: 'explicitArray', type: 'boolean', default: false },
      { displayName: 'Explicit Root', name: 'explicitRoot', type: 'boolean', default: true },
      { displayName: 'Ignore Attributes', name: 'ignoreAttrs', type: 'boolean', default: false },
      { displayName: 'Merge Attributes', name: 'mergeAttrs', type: 'boolean', default: true },
      { displayName: 'Normalize', name: 'normalize', type: 'boolean', default: false },
      { displayName: 'Normalize Tags', name: 'normalizeTags', type: 'boolean', default: false },
      { displayName: 'Trim', name: 'trim', type: 'boolean', default: false },
    ],
  },
];

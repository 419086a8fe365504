// Parameters of n8n's "Convert to/from binary data" (moveBinaryData v1, 1.1), names and defaults as n8n's.
import type { NodeProperty } from '../../engine/index.ts';

/** The encodings Node's Buffer knows (n8n lists iconv-lite's; these are the common ones). */
export const ENCODINGS = ['ascii', 'base64', 'hex', 'latin1', 'ucs2', 'utf16le', 'utf8'];
/** Encodings that may start with a byte order mark. */
const BOM_AWARE = ['utf8', 'utf16le', 'ucs2'];

export const moveBinaryDataProperties: NodeProperty[] = [
  {
    displayName: 'Mode', name: 'mode', type: 'options', default: 'binaryToJson', description: 'From and to where data should be moved',
    options: [
      { name: 'Binary to JSON', value: 'binaryToJson', description: 'Move data from Binary to JSON' },
      { name: 'JSON to Binary', value: 'jsonToBinary', description: 'Move data from JSON to Binary' },
    ],
  },
  { displayName: 'Set All Data', name: 'setAllData', type: 'boolean', default: true, displayOptions: { show: { mode: ['binaryToJson'] } },
    description: 'Whether all JSON data should be replaced with the data retrieved from binary key. Else the data will be written to a single key.' },
  { displayName: 'Source Key', name: 'sourceKey', type: 'string', default: 'data', required: true, placeholder: 'data', displayOptions: { show: { mode: ['binaryToJson'] } },
    description: 'The name of the binary key to get data from (dot-notation for deep keys)' },
  { displayName: 'Destination Key', name: 'destinationKey', type: 'string', default: 'data', required: true, displayOptions: { show: { mode: ['binaryToJson'], setAllData: [false] } },
    description: 'The name the JSON key to copy data to (dot-notation for deep keys)' },
  { displayName: 'Convert All Data', name: 'convertAllData', type: 'boolean', default: true, displayOptions: { show: { mode: ['jsonToBinary'] } },
    description: 'Whether all JSON data should be converted to binary. Else only the data of one key will be converted.' },
  { displayName: 'Source Key', name: 'sourceKey', type: 'string', default: 'data', required: true, placeholder: 'data', displayOptions: { show: { convertAllData: [false], mode: ['jsonToBinary'] } },
    description: 'The name of the JSON key to get data from (dot-notation for deep keys)' },
  { displayName: 'Destination Key', name: 'destinationKey', type: 'string', default: 'data', required: true, placeholder: 'data', displayOptions: { show: { mode: ['jsonToBinary'] } },
    description: 'The name the binary key to copy data to (dot-notation for deep keys)' },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
    options: [
      { displayName: 'Data Is Base64', name: 'dataIsBase64', type: 'boolean', default: false, description: 'Whether to keep the binary data as base64 string',
        displayOptions: { hide: { useRawData: [true] }, show: { '/mode': ['jsonToBinary'], '/convertAllData': [false] } } },
      { displayName: 'Encoding', name: 'encoding', type: 'options', default: 'utf8', description: 'Set the encoding of the data stream',
        options: ENCODINGS.map((name) => ({ name, value: name })), displayOptions: { show: { '/mode': ['binaryToJson', 'jsonToBinary'] } } },
      { displayName: 'Strip BOM', name: 'stripBOM', type: 'boolean', default: true, displayOptions: { show: { '/mode': ['binaryToJson'], encoding: BOM_AWARE } } },
      { displayName: 'Add BOM', name: 'addBOM', type: 'boolean', default: false, displayOptions: { show: { '/mode': ['jsonToBinary'], encoding: BOM_AWARE } } },
      { displayName: 'File Name', name: 'fileName', type: 'string', default: '', placeholder: 'example.json', description: 'The file name to set',
        displayOptions: { show: { '/mode': ['jsonToBinary'] } } },
      { displayName: 'JSON Parse', name: 'jsonParse', type: 'boolean', default: false, description: 'Whether to run JSON parse on the data to get proper object data',
        displayOptions: { hide: { keepAsBase64: [true] }, show: { '/mode': ['binaryToJson'], '/setAllData': [false] } } },
      { displayName: 'Keep Source', name: 'keepSource', type: 'boolean', default: false, description: 'Whether the source key should be kept. By default it will be deleted.' },
      { displayName: 'Keep As Base64', name: 'keepAsBase64', type: 'boolean', default: false, description: 'Whether to keep the binary data as base64 string',
        displayOptions: { hide: { jsonParse: [true] }, show: { '/mode': ['binaryToJson'], '/setAllData': [false] } } },
      { displayName: 'MIME Type', name: 'mimeType', type: 'string', default: 'application/json', placeholder: 'application/json',
        description: 'The mime-type to set. By default will the mime-type for JSON be set.', displayOptions: { show: { '/mode': ['jsonToBinary'] } } },
      { displayName: 'Use Raw Data', name: 'useRawData', type: 'boolean', default: false, description: 'Whether to use data as is and do not JSON.stringify it',
        displayOptions: { hide: { dataIsBase64: [true] }, show: { '/mode': ['jsonToBinary'] } } },
    ],
  },
];

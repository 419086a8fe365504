// Parameters of n8n's Google Cloud Natural Language node (v1): document → analyzeSentiment.
import type { NodeProperty } from '../../engine/index.ts';

const sentiment = { show: { operation: ['analyzeSentiment'] } };

const LANGUAGES: Array<[string, string]> = [
  ['Arabic', 'ar'], ['Chinese (Simplified)', 'zh'], ['Chinese (Traditional)', 'zh-Hant'], ['Dutch', 'nl'], ['English', 'en'], ['French', 'fr'],
  ['German', 'de'], ['Indonesian', 'id'], ['Italian', 'it'], ['Japanese', 'ja'], ['Korean', 'ko'], ['Portuguese (Brazilian & Continental)', 'pt'],
  ['Spanish', 'es'], ['Thai', 'th'], ['Turkish', 'tr'], ['Vietnamese', 'vi'],
];

export const naturalLanguageProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'document', options: [{ name: 'Document', value: 'document' }] },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'analyzeSentiment',
    displayOptions: { show: { resource: ['document'] } }, options: [{ name: 'Analyze Sentiment', value: 'analyzeSentiment' }] },
  { displayName: 'Source', name: 'source', type: 'options', required: true, default: 'content', displayOptions: sentiment,
    description: 'The source of the document: a string containing the content or a Google Cloud Storage URI',
    options: [{ name: 'Content', value: 'content' }, { name: 'Google Cloud Storage URI', value: 'gcsContentUri' }] },
  { displayName: 'Content', name: 'content', type: 'string', required: true, default: '',
    description: 'The content of the input in string format. Cloud audit logging exempt since it is based on user data.',
    displayOptions: { show: { operation: ['analyzeSentiment'], source: ['content'] } } },
  { displayName: 'Google Cloud Storage URI', name: 'gcsContentUri', type: 'string', required: true, default: '',
    description: 'The Google Cloud Storage URI where the file content is located, of the form gs://bucket_name/object_name',
    displayOptions: { show: { operation: ['analyzeSentiment'], source: ['gcsContentUri'] } } },
  { displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add option', displayOptions: sentiment,
    options: [
      { displayName: 'Document Type', name: 'documentType', type: 'options', default: 'PLAIN_TEXT', description: 'The type of input document',
        options: [{ name: 'HTML', value: 'HTML' }, { name: 'Plain Text', value: 'PLAIN_TEXT' }] },
      { displayName: 'Encoding Type', name: 'encodingType', type: 'options', default: 'UTF16',
        description: 'The encoding type used by the API to calculate sentence offsets',
        options: [{ name: 'None', value: 'NONE' }, { name: 'UTF-8', value: 'UTF8' }, { name: 'UTF-16', value: 'UTF16' }, { name: 'UTF-32', value: 'UTF32' }] },
      { displayName: 'Language', name: 'language', type: 'options', default: 'en', placeholder: '',
        description: 'The language of the document (if not specified, the language is automatically detected). Both ISO and BCP-47 language codes are accepted.',
        options: LANGUAGES.map(([name, value]) => ({ name, value })) },
    ] },
];

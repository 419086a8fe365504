// Basic LLM Chain parameters as n8n's ChainLlm declares them across versions 1–1.7.
import type { NodeProperty } from '../../engine/index.ts';
import { batchingOption, outputParserNotice, promptTypeProperty, templateNotice, textFromPreviousNode } from '../ai-shared/chain-descriptions.ts';

export const AI_MESSAGE = 'AIMessagePromptTemplate';
export const SYSTEM_MESSAGE = 'SystemMessagePromptTemplate';
export const HUMAN_MESSAGE = 'HumanMessagePromptTemplate';

const legacyPrompt = (versions: number[], expression: string): NodeProperty => ({
  displayName: 'Prompt', name: 'prompt', type: 'string', required: true, default: expression, displayOptions: { show: { '@version': versions } },
});

const messageValues: NodeProperty[] = [
  { displayName: 'Type Name or ID', name: 'type', type: 'options', options: [{ name: 'AI', value: AI_MESSAGE }, { name: 'System', value: SYSTEM_MESSAGE }, { name: 'User', value: HUMAN_MESSAGE }], default: SYSTEM_MESSAGE },
  {
    displayName: 'Message Type', name: 'messageType', type: 'options', default: 'text', displayOptions: { show: { type: [HUMAN_MESSAGE] } },
    options: [
      { name: 'Text', value: 'text', description: 'Simple text message' },
      { name: 'Image (Binary)', value: 'imageBinary', description: 'Process the binary input from the previous node' },
      { name: 'Image (URL)', value: 'imageUrl', description: 'Process the image from the specified URL' },
    ],
  },
  { displayName: 'Image Data Field Name', name: 'binaryImageDataKey', type: 'string', default: 'data', required: true, description: "The name of the field in the chain's input that contains the binary image file to be processed", displayOptions: { show: { messageType: ['imageBinary'] } } },
  { displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '', required: true, description: 'URL to the image to be processed', displayOptions: { show: { messageType: ['imageUrl'] } } },
  {
    displayName: 'Image Details', name: 'imageDetail', type: 'options', default: 'auto', description: 'Control how the model processes the image and generates its textual understanding',
    displayOptions: { show: { type: [HUMAN_MESSAGE], messageType: ['imageBinary', 'imageUrl'] } },
    options: [
      { name: 'Auto', value: 'auto', description: 'The model picks low or high from the image size' },
      { name: 'Low', value: 'low', description: 'The model sees a 512px x 512px version of the image: faster, fewer input tokens' },
      { name: 'High', value: 'high', description: 'The model also sees detailed 512px crops of the image, for more tokens' },
    ],
  },
  { displayName: 'Message', name: 'message', type: 'string', required: true, default: '', displayOptions: { hide: { messageType: ['imageBinary', 'imageUrl'] } } },
];

export const chainLlmProperties: NodeProperty[] = [
  templateNotice(1978),
  legacyPrompt([1], '={{ $json.input }}'),
  legacyPrompt([1.1, 1.2], '={{ $json.chat_input }}'),
  legacyPrompt([1.3], '={{ $json.chatInput }}'),
  { ...promptTypeProperty, displayOptions: { hide: { '@version': [1, 1.1, 1.2, 1.3] } } },
  { ...textFromPreviousNode, displayOptions: { show: { promptType: ['auto'], '@version': [{ _cnd: { gte: 1.5 } }] } } },
  { displayName: 'Prompt (User Message)', name: 'text', type: 'string', required: true, default: '', placeholder: 'e.g. Hello, how can you help me?', typeOptions: { rows: 2 }, displayOptions: { show: { promptType: ['define'] } } },
  { displayName: 'Require Specific Output Format', name: 'hasOutputParser', type: 'boolean', default: false, noDataExpression: true, displayOptions: { hide: { '@version': [1, 1.1, 1.3] } } },
  {
    displayName: 'Chat Messages (if Using a Chat Model)', name: 'messages', type: 'fixedCollection', typeOptions: { multipleValues: true }, default: {}, placeholder: 'Add prompt',
    options: [{ name: 'messageValues', displayName: 'Prompt', values: messageValues }],
  },
  batchingOption({ show: { '@version': [{ _cnd: { gte: 1.7 } }] } }),
  outputParserNotice,
];

// Parameter descriptions several AI root nodes share, with n8n's names, types and defaults.
import type { DisplayOptions, NodeProperty, SubNodeInput } from '../../engine/index.ts';

export const promptTypeProperty: NodeProperty = {
  displayName: 'Source for Prompt (User Message)',
  name: 'promptType',
  type: 'options',
  options: [
    { name: 'Connected Chat Trigger Node', value: 'auto', description: "Looks for an input field called 'chatInput' that is coming from a directly connected Chat Trigger" },
    { name: 'Define below', value: 'define', description: 'Use an expression to reference data in previous nodes or enter static text' },
  ],
  default: 'auto',
};

/** The prompt when it comes from a chat trigger: shown, not editable. */
export const textFromPreviousNode: NodeProperty = {
  displayName: 'Prompt (User Message)',
  name: 'text',
  type: 'string',
  required: true,
  default: '={{ $json.chatInput }}',
  typeOptions: { rows: 2 },
  disabledOptions: { show: { promptType: ['auto'] } },
} as NodeProperty;

export const textInput: NodeProperty = {
  displayName: 'Prompt (User Message)',
  name: 'text',
  type: 'string',
  required: true,
  default: '',
  placeholder: 'e.g. Hello, how can you help me?',
  typeOptions: { rows: 2 },
};

export const outputParserNotice: NodeProperty = {
  displayName: "Connect an <a data-action='openSelectiveNodeCreator' data-action-parameter-connectiontype='ai_outputParser'>output parser</a> on the canvas to specify the output format you require",
  name: 'notice',
  type: 'notice',
  default: '',
  displayOptions: { show: { hasOutputParser: [true] } },
};

export function batchingOption(displayOptions: DisplayOptions | undefined, defaultBatchSize = 5): NodeProperty {
  return {
    displayName: 'Batch Processing',
    name: 'batching',
    type: 'collection',
    placeholder: 'Add Batch Processing Option',
    description: 'Batch processing options for rate limiting',
    default: {},
    options: [
      { displayName: 'Batch Size', name: 'batchSize', default: defaultBatchSize, type: 'number', description: 'How many items to process in parallel. This is useful for rate limiting, but might impact the log output ordering.' },
      { displayName: 'Delay Between Batches', name: 'delayBetweenBatches', default: 0, type: 'number', description: 'Delay in milliseconds between batches. This is useful for rate limiting.' },
    ],
    ...(displayOptions ? { displayOptions } : {}),
  } as NodeProperty;
}

export function templateNotice(templateId: number): NodeProperty {
  return { displayName: `Save time with an <a href="/templates/${templateId}" target="_blank">example</a> of how this node works`, name: 'notice', type: 'notice', default: '' };
}

export const modelInput: SubNodeInput = { type: 'ai_languageModel', displayName: 'Model', required: true, maxConnections: 1 };

/** n8n's "This node needs to be connected to …" notice on sub-nodes. */
export function connectionHintNotice(targets: string[]): NodeProperty {
  const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
  const text = `${article(targets[0])} ${targets.join(' or ')}`;
  return { displayName: `This node needs to be connected to <a data-action='openSelectiveNodeCreator' data-action-parameter-connectiontype=''>${text}</a>.`, name: 'notice', type: 'notice', default: '', typeOptions: { containerClass: 'ndv-connection-hint-notice' } };
}

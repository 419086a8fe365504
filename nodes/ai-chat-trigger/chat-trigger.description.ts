// Chat Trigger parameters as n8n declares them per typeVersion: `public`, `mode`, `authentication`,
// `initialMessages`, and one `options` collection per version range (the response modes differ).
import type { NodeProperty } from '../../engine/index.ts';
import { DEFAULT_CUSTOM_CSS } from './chat-page-style.ts';

const hostedOnly = { show: { '/mode': ['hostedChat'] } };

const allowFileUploads: NodeProperty = {
  displayName: 'Allow File Uploads', name: 'allowFileUploads', type: 'boolean', default: false,
  description: 'Whether to allow file uploads in the chat',
};
const allowedFilesMimeTypes: NodeProperty = {
  displayName: 'Allowed File Mime Types', name: 'allowedFilesMimeTypes', type: 'string', default: '*',
  placeholder: 'e.g. image/*, text/*, application/pdf',
  description: 'Allowed file types for upload, as a comma-separated list of MIME types',
};

const lastNode = { name: 'When Last Node Finishes', value: 'lastNode', description: 'Returns data of the last-executed node' };
const responseNode = { name: "Using 'Respond to Webhook' Node", value: 'responseNode', description: 'Response defined in that node' };
const streaming = { name: 'Streaming', value: 'streaming', description: 'Streaming response from specified nodes (e.g. Agents)' };
const responseNodes = {
  name: 'Using Response Nodes', value: 'responseNodes',
  description: "Send responses to the chat by using 'Respond to Chat' or 'Respond to Webhook' nodes",
};

function responseMode(options: Array<{ name: string; value: string; description: string }>, extra: Partial<NodeProperty> = {}): NodeProperty {
  return {
    displayName: 'Response Mode', name: 'responseMode', type: 'options', options, default: 'lastNode',
    description: 'When and how to respond to the chat', ...extra,
  };
}

/** The options shared by the public chat's collections (CORS, page texts, previous session, styling). */
const publicOptions: NodeProperty[] = [
  {
    displayName: 'Allowed Origins (CORS)', name: 'allowedOrigins', type: 'string', default: '*',
    description: 'Comma-separated list of URLs allowed for cross-origin non-preflight requests. Use * (default) to allow all origins.',
    displayOptions: { show: { '/mode': ['hostedChat', 'webhook'] } },
  },
  { ...allowFileUploads, displayOptions: hostedOnly },
  { ...allowedFilesMimeTypes, displayOptions: hostedOnly },
  {
    displayName: 'Input Placeholder', name: 'inputPlaceholder', type: 'string', default: 'Type your question..',
    placeholder: 'e.g. Type your message here', description: 'Shown as placeholder text in the chat input field', displayOptions: hostedOnly,
  },
  {
    displayName: 'Load Previous Session', name: 'loadPreviousSession', type: 'options', default: 'notSupported',
    description: 'If loading messages of a previous session should be enabled',
    options: [
      { name: 'Off', value: 'notSupported', description: 'Loading messages of previous session is turned off' },
      { name: 'From Memory', value: 'memory', description: 'Load session messages from memory' },
      { name: 'Manually', value: 'manually', description: 'Manually return messages of session' },
    ],
  },
  {
    displayName: 'Require Button Click to Start Chat', name: 'showWelcomeScreen', type: 'boolean', default: false,
    description: 'Whether to show the welcome screen at the start of the chat', displayOptions: hostedOnly,
  },
  {
    displayName: 'Start Conversation Button Text', name: 'getStarted', type: 'string', default: 'New Conversation',
    placeholder: 'e.g. New Conversation', description: 'Shown as part of the welcome screen, in the middle of the chat window',
    displayOptions: { show: { showWelcomeScreen: [true], '/mode': ['hostedChat'] } },
  },
  {
    displayName: 'Subtitle', name: 'subtitle', type: 'string', default: "Start a chat. We're here to help you 24/7.",
    placeholder: "e.g. We're here for you", description: 'Shown at the top of the chat, under the title', displayOptions: hostedOnly,
  },
  {
    displayName: 'Title', name: 'title', type: 'string', default: 'Hi there! 👋', placeholder: 'e.g. Welcome',
    description: 'Shown at the top of the chat', displayOptions: hostedOnly,
  },
  {
    displayName: 'Custom Chat Styling', name: 'customCss', type: 'string', default: DEFAULT_CUSTOM_CSS,
    typeOptions: { rows: 10, editor: 'cssEditor' },
    description: 'Override default styling of the public chat interface with CSS', displayOptions: hostedOnly,
  },
];

function optionsCollection(show: Record<string, unknown[]>, options: NodeProperty[]): NodeProperty {
  return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: { show }, options };
}

const publicShow = { mode: ['hostedChat', 'webhook'], public: [true] };

export const chatTriggerProperties: NodeProperty[] = [
  {
    displayName: 'Make Chat Publicly Available', name: 'public', type: 'boolean', default: false,
    description: 'Whether the chat should be publicly available or only accessible through the manual chat interface',
  },
  {
    displayName: 'Mode', name: 'mode', type: 'options', default: 'hostedChat', displayOptions: { show: { public: [true] } },
    options: [
      { name: 'Hosted Chat', value: 'hostedChat', description: 'Chat on a page served by Weft' },
      { name: 'Embedded Chat', value: 'webhook', description: 'Chat through a widget embedded in another page, or by calling a webhook' },
    ],
  },
  {
    displayName: 'The chat page is live at the URL above once the workflow is published. Its runs show up in the executions list.',
    name: 'hostedChatNotice', type: 'notice', default: '', displayOptions: { show: { mode: ['hostedChat'], public: [true] } },
  },
  {
    displayName: 'Embed the chat in a web page with the widget script (the chat URL with ?widget=js), or call the webhook URL above. The chat is live once the workflow is published.',
    name: 'embeddedChatNotice', type: 'notice', default: '', displayOptions: { show: { mode: ['webhook'], public: [true] } },
  },
  {
    displayName: 'Authentication', name: 'authentication', type: 'options', default: 'none', description: 'The way to authenticate',
    displayOptions: { show: { public: [true] } },
    options: [
      { name: 'Basic Auth', value: 'basicAuth', description: 'Simple username and password (the same one for all users)' },
      { name: 'n8n User Auth', value: 'n8nUserAuth', description: 'Require user to be logged in with their account' },
      { name: 'None', value: 'none' },
    ],
  },
  {
    displayName: 'Initial Message(s)', name: 'initialMessages', type: 'string', typeOptions: { rows: 3 },
    default: 'Hi there! 👋\nMy name is Nathan. How can I assist you today?',
    description: 'Default messages shown at the start of the chat, one per line',
    displayOptions: { show: { mode: ['hostedChat'], public: [true] } },
  },
  optionsCollection({ public: [false], '@version': [1, 1.1] }, [allowFileUploads, allowedFilesMimeTypes]),
  optionsCollection({ ...publicShow, '@version': [1, 1.1] }, [...publicOptions, responseMode([lastNode, responseNode])]),
  optionsCollection({ ...publicShow, '@version': [1.2] }, [...publicOptions, responseMode([lastNode, responseNode, streaming])]),
  optionsCollection({ public: [false], '@version': [{ _cnd: { gte: 1.3 } }] }, [allowFileUploads, allowedFilesMimeTypes, responseMode([lastNode, responseNodes])]),
  optionsCollection({ ...publicShow, '@version': [{ _cnd: { gte: 1.3 } }] }, [
    ...publicOptions,
    responseMode([lastNode, streaming, responseNode], { displayOptions: { show: { '/mode': ['webhook'] } } }),
    responseMode([lastNode, streaming, responseNodes], { displayOptions: { show: { '/mode': ['hostedChat'] } } }),
  ]),
];

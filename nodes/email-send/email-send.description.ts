// Send Email (n8n-nodes-base.emailSend v2, 2.1): n8n's parameters, names and defaults, so exported
// workflows import as they are. v2 defaults to plain text, 2.1 to HTML and appends the attribution.
import type { NodeProperty } from '../../engine/index.ts';

const FORMATS = [
  { name: 'Text', value: 'text', description: 'Send email as plain text' },
  { name: 'HTML', value: 'html', description: 'Send email as HTML' },
  { name: 'Both', value: 'both', description: "Send both formats, recipient's client selects version to display" },
];

export const emailSendProperties: NodeProperty[] = [
  {
    displayName: 'Resource', name: 'resource', type: 'hidden', noDataExpression: true, default: 'email',
    options: [{ name: 'Email', value: 'email' }],
  },
  {
    displayName: 'Operation', name: 'operation', type: 'hidden', noDataExpression: true, default: 'send',
    options: [{ name: 'Send', value: 'send', action: 'Send an Email' }],
  },
  {
    displayName: 'From Email', name: 'fromEmail', type: 'string', default: '', required: true, placeholder: 'admin@example.com',
    description: 'Email address of the sender. You can also specify a name: Nathan Doe <nate@n8n.io>.',
  },
  {
    displayName: 'To Email', name: 'toEmail', type: 'string', default: '', required: true, placeholder: 'info@example.com',
    description: 'Email address of the recipient. You can also specify a name: Nathan Doe <nate@n8n.io>.',
  },
  { displayName: 'Subject', name: 'subject', type: 'string', default: '', placeholder: 'My subject line', description: 'Subject line of the email' },
  {
    displayName: 'Email Format', name: 'emailFormat', type: 'options', options: FORMATS, default: 'html',
    displayOptions: { hide: { '@version': [2] } },
  },
  {
    displayName: 'Email Format', name: 'emailFormat', type: 'options', options: FORMATS.map(({ name, value }) => ({ name, value })), default: 'text',
    displayOptions: { show: { '@version': [2] } },
  },
  {
    displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 5 }, default: '', description: 'Plain text message of email',
    displayOptions: { show: { emailFormat: ['text', 'both'] } },
  },
  {
    displayName: 'HTML', name: 'html', type: 'string', typeOptions: { rows: 5 }, default: '', description: 'HTML text message of email',
    displayOptions: { show: { emailFormat: ['html', 'both'] } },
  },
  {
    displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {},
    options: [
      {
        displayName: 'Append n8n Attribution', name: 'appendAttribution', type: 'boolean', default: true,
        description: 'Whether to include the phrase “This email was sent automatically with Weft” (n8n’s wording names n8n) to the end of the email',
      },
      {
        displayName: 'Attachments', name: 'attachments', type: 'string', default: '',
        description: 'Name of the binary properties that contain data to add to email as attachment. Multiple ones can be comma-separated. Reference embedded images or other content within the body of an email message, e.g. <img src="cid:image_1">',
      },
      { displayName: 'CC Email', name: 'ccEmail', type: 'string', default: '', placeholder: 'cc@example.com', description: 'Email address of CC recipient' },
      { displayName: 'BCC Email', name: 'bccEmail', type: 'string', default: '', placeholder: 'bcc@example.com', description: 'Email address of BCC recipient' },
      {
        displayName: 'Ignore SSL Issues', name: 'allowUnauthorizedCerts', type: 'boolean', default: false,
        description: 'Whether to connect even if SSL certificate validation is not possible',
      },
      { displayName: 'Reply To', name: 'replyTo', type: 'string', default: '', placeholder: 'info@example.com', description: 'The email address to send the reply to' },
    ],
  },
] as NodeProperty[];

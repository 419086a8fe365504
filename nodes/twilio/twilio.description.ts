// Parameters of n8n's Twilio v1 node: SMS send (optionally to WhatsApp) and call make (said text or
// TwiML), with n8n's names, defaults and display rules.
import type { NodeProperty } from '../../engine/index.ts';

const sendOrMake = { show: { operation: ['send', 'make'], resource: ['sms', 'call'] } };
const smsSend = { show: { operation: ['send'], resource: ['sms'] } };
const callMake = { show: { operation: ['make'], resource: ['call'] } };

export const twilioProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'sms',
    options: [{ name: 'Call', value: 'call' }, { name: 'SMS', value: 'sms' }] },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'send', displayOptions: { show: { resource: ['sms'] } },
    options: [{ name: 'Send', value: 'send', description: 'Send SMS/MMS/WhatsApp message' }] },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'make', displayOptions: { show: { resource: ['call'] } },
    options: [{ name: 'Make', value: 'make' }] },
  { displayName: 'From', name: 'from', type: 'string', default: '', placeholder: '+14155238886', required: true, displayOptions: sendOrMake,
    description: 'The number from which to send the message' },
  { displayName: 'To', name: 'to', type: 'string', default: '', placeholder: '+14155238886', required: true, displayOptions: sendOrMake,
    description: 'The number to which to send the message' },
  { displayName: 'To Whatsapp', name: 'toWhatsapp', type: 'boolean', default: false, displayOptions: smsSend, description: 'Whether the message should be sent to WhatsApp' },
  { displayName: 'Message', name: 'message', type: 'string', default: '', required: true, displayOptions: smsSend, description: 'The message to send' },
  { displayName: 'Use TwiML', name: 'twiml', type: 'boolean', default: false, displayOptions: callMake,
    description: 'Whether to use the <a href="https://www.twilio.com/docs/voice/twiml">Twilio Markup Language</a> in the message' },
  { displayName: 'Message', name: 'message', type: 'string', default: '', required: true, displayOptions: callMake },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Field', default: {}, options: [
    { displayName: 'Status Callback', name: 'statusCallback', type: 'string', default: '',
      description: 'Status Callbacks allow you to receive events related to the REST resources managed by Twilio: Rooms, Recordings and Compositions' },
  ] },
];

// WhatsApp Trigger's parameters (n8n-nodes-base.whatsAppTrigger v1): n8n's names, types, defaults
// and field values; the descriptions are our own words.
import type { NodeProperty } from '../../engine/index.ts';

const UPDATES: Array<[string, string]> = [
  ['Account Review Update', 'account_review_update'], ['Account Update', 'account_update'], ['Business Capability Update', 'business_capability_update'],
  ['Message Template Quality Update', 'message_template_quality_update'], ['Message Template Status Update', 'message_template_status_update'],
  ['Messages', 'messages'], ['Phone Number Name Update', 'phone_number_name_update'], ['Phone Number Quality Update', 'phone_number_quality_update'],
  ['Security', 'security'], ['Template Category Update', 'template_category_update'],
];

const STATUSES: Array<[string, string]> = [['All', 'all'], ['Deleted', 'deleted'], ['Delivered', 'delivered'], ['Failed', 'failed'], ['Read', 'read'], ['Sent', 'sent']];

export const whatsAppTriggerProperties: NodeProperty[] = [
  { displayName: 'A Meta app has one webhook subscription for WhatsApp, so use one WhatsApp trigger per app', name: 'whatsAppNotice', type: 'notice', default: '' },
  { displayName: 'Trigger On', name: 'updates', type: 'multiOptions', required: true, default: [], options: UPDATES.map(([name, value]) => ({ name, value })) },
  {
    displayName: 'Options', name: 'options', type: 'collection', default: {}, placeholder: 'Add option',
    options: [{
      displayName: 'Receive Message Status Updates', name: 'messageStatusUpdates', type: 'multiOptions', default: ['all'],
      description: 'Which message status changes (sent, delivered, read, …) start a run; leave empty to receive none of them',
      options: STATUSES.map(([name, value]) => ({ name, value })),
    }],
  },
];

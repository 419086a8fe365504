// Telegram Trigger's parameters (n8n-nodes-base.telegramTrigger v1–1.5): n8n's names, types,
// defaults and display rules; the descriptions are our own words.
import type { NodeProperty } from '../../engine/index.ts';

const update = (name: string, value: string, description: string) => ({ name, value, description });
const fromVersion11 = { show: { '@version': [{ _cnd: { gte: 1.1 } }] } } as NodeProperty['displayOptions'];

export const telegramTriggerProperties: NodeProperty[] = [
  { displayName: 'Due to Telegram API limitations, you can use just one Telegram trigger for each bot at a time', name: 'telegramTriggerNotice', type: 'notice', default: '' },
  {
    displayName: 'Trigger On', name: 'updates', type: 'multiOptions', required: true, default: [],
    options: [
      update('*', '*', 'Every kind of update'),
      update('Callback Query', 'callback_query', 'A button of an inline keyboard was pressed'),
      update('Channel Post', 'channel_post', 'A new post in a channel'),
      update('Edited Channel Post', 'edited_channel_post', 'A channel post the bot knows was edited'),
      update('Edited Message', 'edited_message', 'A message the bot knows was edited'),
      update('Inline Query', 'inline_query', 'A new inline query'),
      update('Message', 'message', 'A new message of any kind: text, photo, sticker, …'),
      update('Poll', 'poll', 'A poll changed state (polls the bot sent, or stopped ones)'),
      update('Pre-Checkout Query', 'pre_checkout_query', 'A pre-checkout query, with the whole checkout'),
      update('Shipping Query', 'shipping_query', 'A shipping query (invoices with flexible price)'),
    ],
  },
  {
    displayName: 'Every uploaded attachment, even if sent in a group, will trigger a separate event. You can identify that an attachment belongs to a certain group by <code>media_group_id</code> .',
    name: 'attachmentNotice', type: 'notice', default: '',
  },
  {
    displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {},
    options: [
      { displayName: 'Download Images/Files', name: 'download', type: 'boolean', default: false,
        description: 'Whether to download the photo, video or document of the update into binary data (photos in the size chosen under Image Size)' },
      { displayName: 'Image Size', name: 'imageSize', type: 'options', default: 'large', displayOptions: { show: { download: [true] } }, description: 'Which of Telegram\'s photo sizes to download',
        options: [{ name: 'Small', value: 'small' }, { name: 'Medium', value: 'medium' }, { name: 'Large', value: 'large' }, { name: 'Extra Large', value: 'extraLarge' }] },
      { displayName: 'Restrict to Chat IDs', name: 'chatIds', type: 'string', default: '', displayOptions: fromVersion11,
        description: 'Only updates from these chats start a run (comma-separated IDs)' },
      { displayName: 'Restrict to User IDs', name: 'userIds', type: 'string', default: '', displayOptions: fromVersion11,
        description: 'Only updates from these users start a run (comma-separated IDs)' },
    ],
  },
];

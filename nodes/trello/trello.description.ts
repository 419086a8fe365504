// Parameters of n8n's Trello node (v1): attachment, board, board member, card, card comment, checklist, label and
// list, with n8n's names, defaults and display rules; boards and cards are resource locators whose
// lists come from Trello's search.
import type { NodeProperty } from '../../engine/index.ts';

type Show = Record<string, unknown[]>;
const on = (resource: string, operation: string[], more: Show = {}) => ({ show: { operation, resource: [resource], ...more } });
const str = (displayName: string, name: string, displayOptions: NodeProperty['displayOptions'], more: Partial<NodeProperty> = {}): NodeProperty =>
  ({ displayName, name, type: 'string', default: '', required: true, displayOptions, ...more });
const opt = (displayName: string, name: string, type: NodeProperty['type'], value: unknown, description?: string): NodeProperty =>
  ({ displayName, name, type, default: value, ...(description ? { description } : {}) });
const fields = (value = 'all') => opt('Fields', 'fields', 'string', value, 'Fields to return. Either "all" or a comma-separated list of fields.');
const more = (name: 'additionalFields' | 'updateFields', displayOptions: NodeProperty['displayOptions'], options: NodeProperty[]): NodeProperty =>
  ({ displayName: name === 'additionalFields' ? 'Additional Fields' : 'Update Fields', name, type: 'collection', placeholder: 'Add Field', default: {}, displayOptions, options });
const operation = (resource: string, fallback: string, options: Array<[string, string, string]>): NodeProperty => ({
  displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: fallback,
  displayOptions: { show: { resource: [resource] } },
  options: options.map(([name, value, action]) => ({ name, value, action })),
});

function locator(kind: 'board' | 'card', name: string, displayOptions: NodeProperty['displayOptions'], description: string): NodeProperty {
  const letter = kind === 'board' ? 'b' : 'c';
  return {
    displayName: kind === 'board' ? 'Board' : 'Card', name, type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true, displayOptions, description,
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', placeholder: `Select a ${kind === 'board' ? 'Board' : 'Card'}...`,
        typeOptions: { searchListMethod: kind === 'board' ? 'searchBoards' : 'searchCards', searchFilterRequired: true, searchable: true } },
      { displayName: 'By URL', name: 'url', type: 'string', placeholder: `https://trello.com/${letter}/e123456/${kind}-name` },
      { displayName: 'ID', name: 'id', type: 'string', placeholder: 'wiIaGwqE' },
    ],
  };
}
const limit = (displayOptions: { show: Show }): NodeProperty => ({
  displayName: 'Limit', name: 'limit', type: 'number', default: 20, description: 'Max number of results to return',
  typeOptions: { minValue: 1 }, displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
});
const returnAll = (displayOptions: NodeProperty['displayOptions']): NodeProperty =>
  ({ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit', displayOptions });
const choice = (displayName: string, name: string, values: Array<[string, string]>, value: string): NodeProperty =>
  ({ displayName, name, type: 'options', default: value, options: values.map(([n, v]) => ({ name: n, value: v })) });

const attachment: NodeProperty[] = [
  operation('attachment', 'getAll', [['Create', 'create', 'Create an attachment'], ['Delete', 'delete', 'Delete an attachment'],
    ['Get', 'get', 'Get an attachment'], ['Get Many', 'getAll', 'Get many attachments']]),
  locator('card', 'cardId', on('attachment', ['create', 'delete', 'get', 'getAll']), 'The ID of the card'),
  str('Source URL', 'url', on('attachment', ['create']), { description: 'The URL of the attachment to add' }),
  more('additionalFields', on('attachment', ['create']), [opt('MIME Type', 'mimeType', 'string', ''), opt('Name', 'name', 'string', '')]),
  str('Attachment ID', 'id', on('attachment', ['delete', 'get']), { description: 'The ID of the attachment' }),
  more('additionalFields', on('attachment', ['get', 'getAll']), [fields()]),
];

const boardPrefs = [
  choice('Aging', 'prefs_cardAging', [['Pirate', 'pirate'], ['Regular', 'regular']], 'regular'),
  opt('Background', 'prefs_background', 'string', 'blue'),
  choice('Comments', 'prefs_comments', [['Disabled', 'disabled'], ['Members', 'members'], ['Observers', 'observers'], ['Organization', 'org'], ['Public', 'public']], 'members'),
  opt('Covers', 'prefs_cardCovers', 'boolean', true),
  choice('Invitations', 'prefs_invitations', [['Admins', 'admins'], ['Members', 'members']], 'members'),
  opt('Keep From Source', 'keepFromSource', 'string', 'none'),
  opt('Labels', 'defaultLabels', 'boolean', true),
  opt('Lists', 'defaultLists', 'boolean', true),
  opt('Organization ID', 'idOrganization', 'string', ''),
  choice('Permission Level', 'prefs_permissionLevel', [['Organization', 'org'], ['Private', 'private'], ['Public', 'public']], 'private'),
  choice('Power Ups', 'powerUps', [['All', 'all'], ['Calendar', 'calendar'], ['Card Aging', 'cardAging'], ['Recap', 'recap'], ['Voting', 'voting']], 'all'),
  opt('Self Join', 'prefs_selfJoin', 'boolean', true),
  opt('Source IDs', 'idBoardSource', 'string', ''),
  choice('Voting', 'prefs_voting', [['Disabled', 'disabled'], ['Members', 'members'], ['Observers', 'observers'], ['Organization', 'org'], ['Public', 'public']], 'disabled'),
];

const board: NodeProperty[] = [
  operation('board', 'create', [['Create', 'create', 'Create a board'], ['Delete', 'delete', 'Delete a board'], ['Get', 'get', 'Get a board'], ['Update', 'update', 'Update a board']]),
  str('Name', 'name', on('board', ['create']), { placeholder: 'My board', description: 'The name of the board' }),
  str('Description', 'description', on('board', ['create']), { required: false, description: 'The description of the board' }),
  more('additionalFields', on('board', ['create']), boardPrefs),
  locator('board', 'id', on('board', ['delete', 'get', 'update']), 'The ID of the board'),
  more('additionalFields', on('board', ['get']), [fields(), opt('Plugin Data', 'pluginData', 'boolean', false)]),
  more('updateFields', on('board', ['update']), [opt('Closed', 'closed', 'boolean', false), opt('Description', 'desc', 'string', ''), opt('Name', 'name', 'string', ''),
    opt('Organization ID', 'idOrganization', 'string', ''), opt('Subscribed', 'subscribed', 'boolean', false)]),
];

const MEMBER_TYPES: Array<[string, string]> = [['Normal', 'normal'], ['Admin', 'admin'], ['Observer', 'observer']];
const boardMember: NodeProperty[] = [
  operation('boardMember', 'add', [['Add', 'add', 'Add a board member'], ['Get Many', 'getAll', 'Get many board members'],
    ['Invite', 'invite', 'Invite a board member'], ['Remove', 'remove', 'Remove a board member']]),
  str('Board ID', 'id', on('boardMember', ['getAll', 'add', 'invite', 'remove']), { description: 'The ID of the board' }),
  returnAll(on('boardMember', ['getAll'])),
  limit(on('boardMember', ['getAll'])),
  str('Member ID', 'idMember', on('boardMember', ['add', 'remove']), { description: 'The ID of the member' }),
  { ...choice('Type', 'type', MEMBER_TYPES, 'normal'), required: true, displayOptions: on('boardMember', ['add']), description: 'Determines the type of membership the user being added should have' },
  more('additionalFields', on('boardMember', ['add']), [opt('Allow Billable Guest', 'allowBillableGuest', 'boolean', false)]),
  str('Email', 'email', on('boardMember', ['invite']), { placeholder: 'name@email.com' }),
  more('additionalFields', on('boardMember', ['invite']), [choice('Type', 'type', MEMBER_TYPES, 'normal'), opt('Full Name', 'fullName', 'string', '')]),
];

const card: NodeProperty[] = [
  operation('card', 'create', [['Create', 'create', 'Create a card'], ['Delete', 'delete', 'Delete a card'], ['Get', 'get', 'Get a card'], ['Update', 'update', 'Update a card']]),
  str('List ID', 'listId', on('card', ['create']), { description: 'The ID of the list to create card in' }),
  str('Name', 'name', on('card', ['create']), { placeholder: 'My card', description: 'The name of the card' }),
  str('Description', 'description', on('card', ['create']), { required: false, description: 'The description of the card' }),
  more('additionalFields', on('card', ['create']), [
    opt('Due Date', 'due', 'dateTime', ''), opt('Due Complete', 'dueComplete', 'boolean', false), opt('Position', 'pos', 'string', 'bottom'),
    opt('Member IDs', 'idMembers', 'string', ''), opt('Label IDs', 'idLabels', 'string', ''), opt('URL Source', 'urlSource', 'string', ''),
    opt('Source ID', 'idCardSource', 'string', ''), opt('Keep From Source', 'keepFromSource', 'string', 'all'),
  ]),
  locator('card', 'id', on('card', ['get', 'delete', 'update']), 'The ID of the card'),
  more('additionalFields', on('card', ['get']), [
    fields(), opt('Board', 'board', 'boolean', false), opt('Board Fields', 'board_fields', 'string', 'all'), opt('Custom Field Items', 'customFieldItems', 'boolean', false),
    opt('Members', 'members', 'boolean', false), opt('Member Fields', 'member_fields', 'string', 'all'), opt('Plugin Data', 'pluginData', 'boolean', false),
    opt('Stickers', 'stickers', 'boolean', false), opt('Sticker Fields', 'sticker_fields', 'string', 'all'),
  ]),
  more('updateFields', on('card', ['update']), [
    opt('Attachment Cover', 'idAttachmentCover', 'string', ''), opt('Board ID', 'idBoard', 'string', ''), opt('Closed', 'closed', 'boolean', false),
    opt('Description', 'desc', 'string', ''), opt('Due Date', 'due', 'dateTime', ''), opt('Due Complete', 'dueComplete', 'boolean', false),
    opt('Label IDs', 'idLabels', 'string', ''), opt('List ID', 'idList', 'string', ''), opt('Member IDs', 'idMembers', 'string', ''),
    opt('Name', 'name', 'string', ''), opt('Position', 'pos', 'string', 'bottom'), opt('Subscribed', 'subscribed', 'boolean', false),
  ]),
];

const cardComment: NodeProperty[] = [
  operation('cardComment', 'create', [['Create', 'create', 'Create a comment on a card'], ['Delete', 'delete', 'Delete a comment from a card'], ['Update', 'update', 'Update a comment on a card']]),
  locator('card', 'cardId', on('cardComment', ['create', 'delete', 'update']), 'The ID of the card'),
  str('Text', 'text', on('cardComment', ['create', 'update']), { description: 'Text of the comment' }),
  str('Comment ID', 'commentId', on('cardComment', ['delete', 'update']), { description: 'The ID of the comment' }),
];

const checklist: NodeProperty[] = [
  operation('checklist', 'getAll', [
    ['Create', 'create', 'Create a checklist'], ['Create Checklist Item', 'createCheckItem', 'Create checklist item'], ['Delete', 'delete', 'Delete a checklist'],
    ['Delete Checklist Item', 'deleteCheckItem', 'Delete a checklist item'], ['Get', 'get', 'Get a checklist'], ['Get Checklist Items', 'getCheckItem', 'Get checklist items'],
    ['Get Completed Checklist Items', 'completedCheckItems', 'Get completed checklist items'], ['Get Many', 'getAll', 'Get many checklists'],
    ['Update Checklist Item', 'updateCheckItem', 'Update a checklist item'],
  ]),
  locator('card', 'cardId', on('checklist', ['create', 'delete', 'getAll', 'getCheckItem', 'deleteCheckItem', 'updateCheckItem', 'completedCheckItems']), 'The ID of the card'),
  str('Name', 'name', on('checklist', ['create', 'createCheckItem']), { description: 'The name of the checklist or item' }),
  more('additionalFields', on('checklist', ['create']), [opt('Checklist Source ID', 'idChecklistSource', 'string', ''), opt('Position', 'pos', 'string', '')]),
  str('Checklist ID', 'id', on('checklist', ['delete', 'get']), { description: 'The ID of the checklist' }),
  str('Checklist ID', 'checklistId', on('checklist', ['createCheckItem']), { description: 'The ID of the checklist to add the item to' }),
  more('additionalFields', on('checklist', ['createCheckItem']), [opt('Checked', 'checked', 'boolean', false), opt('Position', 'pos', 'string', '')]),
  str('CheckItem ID', 'checkItemId', on('checklist', ['getCheckItem', 'deleteCheckItem', 'updateCheckItem']), { description: 'The ID of the checklist item' }),
  more('additionalFields', on('checklist', ['get', 'getAll', 'getCheckItem', 'completedCheckItems']), [fields()]),
  more('additionalFields', on('checklist', ['updateCheckItem']), [
    opt('Name', 'name', 'string', ''), choice('State', 'state', [['Complete', 'complete'], ['Incomplete', 'incomplete']], 'complete'),
    opt('Checklist ID', 'checklistId', 'string', ''), opt('Position', 'pos', 'string', ''),
  ]),
];

const COLORS: Array<[string, string]> = [['Black', 'black'], ['Blue', 'blue'], ['Green', 'green'], ['Lime', 'lime'], ['Null', 'null'], ['Orange', 'orange'],
  ['Pink', 'pink'], ['Purple', 'purple'], ['Red', 'red'], ['Sky', 'sky'], ['Yellow', 'yellow']];

const label: NodeProperty[] = [
  operation('label', 'getAll', [
    ['Add to Card', 'addLabel', 'Add a label to a card'], ['Create', 'create', 'Create a label'], ['Delete', 'delete', 'Delete a label'],
    ['Get', 'get', 'Get a label'], ['Get Many', 'getAll', 'Get many labels'], ['Remove From Card', 'removeLabel', 'Remove a label from a card'],
    ['Update', 'update', 'Update a label'],
  ]),
  locator('board', 'boardId', on('label', ['create', 'getAll']), 'The ID of the board'),
  str('Name', 'name', on('label', ['create']), { description: 'Name for the label' }),
  { ...choice('Color', 'color', COLORS, 'null'), required: true, displayOptions: on('label', ['create']), description: 'The color for the label' },
  str('Label ID', 'id', on('label', ['delete', 'get', 'update', 'addLabel', 'removeLabel']), { description: 'The ID of the label' }),
  locator('card', 'cardId', on('label', ['addLabel', 'removeLabel']), 'The ID of the card'),
  more('additionalFields', on('label', ['get', 'getAll']), [fields()]),
  more('updateFields', on('label', ['update']), [choice('Color', 'color', COLORS, 'null'), opt('Name', 'name', 'string', '')]),
];

const list: NodeProperty[] = [
  operation('list', 'create', [
    ['Archive', 'archive', 'Archive/Unarchive a list'], ['Create', 'create', 'Create a list'], ['Get', 'get', 'Get a list'],
    ['Get Cards', 'getCards', 'Get all the cards in a list'], ['Get Many', 'getAll', 'Get many lists'], ['Update', 'update', 'Update a list'],
  ]),
  str('List ID', 'id', on('list', ['archive', 'get', 'getCards', 'update']), { description: 'The ID of the list' }),
  { displayName: 'Archive', name: 'archive', type: 'boolean', default: false, required: true, displayOptions: on('list', ['archive']), description: 'Whether the list should be archived or unarchived' },
  str('Board ID', 'idBoard', on('list', ['create']), { description: 'The ID of the board the list should be created in' }),
  str('Name', 'name', on('list', ['create']), { placeholder: 'My list', description: 'The name of the list' }),
  more('additionalFields', on('list', ['create']), [opt('List Source', 'idListSource', 'string', ''), opt('Position', 'pos', 'string', 'bottom')]),
  str('Board ID', 'id', on('list', ['getAll']), { description: 'The ID of the board' }),
  returnAll(on('list', ['getAll', 'getCards'])),
  limit(on('list', ['getAll', 'getCards'])),
  more('additionalFields', on('list', ['get', 'getAll', 'getCards']), [fields()]),
  more('updateFields', on('list', ['update']), [opt('Board ID', 'idBoard', 'string', ''), opt('Closed', 'closed', 'boolean', false), opt('Name', 'name', 'string', ''),
    opt('Position', 'pos', 'string', 'bottom'), opt('Subscribed', 'subscribed', 'boolean', false)]),
];

export const trelloProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'card',
    options: [['Attachment', 'attachment'], ['Board', 'board'], ['Board Member', 'boardMember'], ['Card', 'card'], ['Card Comment', 'cardComment'], ['Checklist', 'checklist'], ['Label', 'label'], ['List', 'list']]
      .map(([name, value]) => ({ name, value })) },
  ...attachment, ...board, ...boardMember, ...card, ...cardComment, ...checklist, ...label, ...list,
];

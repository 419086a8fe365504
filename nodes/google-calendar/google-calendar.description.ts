// Parameters of n8n's Google Calendar node (typeVersions 1, 1.1, 1.2, 1.3): calendar availability
// and event create/delete/get/getAll/update. 1.1 reads update times in the workflow's zone; 1.2
// edits attendees through `attendeesUi` (add or replace); 1.3 defaults times to `$now`, adds the
// After/Before window, the recurring-event handling of getAll/get and which occurrence an update
// changes, and orders output keys.
import type { NodeProperty } from '../../engine/index.ts';

const on = (resource: string, operation: string[], more: Record<string, unknown[]> = {}) => ({ show: { resource: [resource], operation, ...more } });
const text = (displayName: string, name: string, extra: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'string', default: '', ...extra });
const bool = (displayName: string, name: string, value: boolean): NodeProperty => ({ displayName, name, type: 'boolean', default: value });
const dateTime = (displayName: string, name: string, extra: Partial<NodeProperty> = {}): NodeProperty => ({ displayName, name, type: 'dateTime', default: '', ...extra });
const choice = (displayName: string, name: string, fallback: string, values: Array<[string, string]>): NodeProperty => ({
  displayName, name, type: 'options', default: fallback, options: values.map(([n, value]) => ({ name: n, value })),
});

const timezoneLocator = (displayName: string, name: string): NodeProperty => ({
  displayName, name, type: 'resourceLocator', default: { mode: 'list', value: '' },
  modes: [
    { displayName: 'Timezone', name: 'list', type: 'list', placeholder: 'Select a Timezone...', typeOptions: { searchListMethod: 'getTimezones', searchable: true } },
    { displayName: 'ID', name: 'id', type: 'string', placeholder: 'Europe/Berlin' },
  ],
});

const calendar: NodeProperty = {
  displayName: 'Calendar', name: 'calendar', type: 'resourceLocator', default: { mode: 'list', value: '' }, required: true,
  description: 'Google Calendar to operate on',
  modes: [
    { displayName: 'Calendar', name: 'list', type: 'list', placeholder: 'Select a Calendar...', typeOptions: { searchListMethod: 'getCalendars', searchable: true } },
    { displayName: 'ID', name: 'id', type: 'string', placeholder: 'name@google.com' },
  ],
};

const sendUpdates = choice('Send Updates', 'sendUpdates', '', [['All', 'all'], ['External Only', 'externalOnly'], ['None', 'none']]);
const repeat: NodeProperty[] = [
  choice('Repeat Frequency', 'repeatFrecuency', '', [['Daily', 'Daily'], ['Weekly', 'weekly'], ['Monthly', 'monthly'], ['Yearly', 'yearly']]),
  { displayName: 'Repeat How Many Times?', name: 'repeatHowManyTimes', type: 'number', default: 1, typeOptions: { minValue: 1 } },
  dateTime('Repeat Until', 'repeatUntil'),
  text('RRULE', 'rrule'),
];
const eventFields: NodeProperty[] = [
  choice('All Day', 'allday', 'no', [['Yes', 'yes'], ['No', 'no']]),
  { displayName: 'Color Name or ID', name: 'color', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getColors' } },
  text('Description', 'description'),
  bool('Guests Can Invite Others', 'guestsCanInviteOthers', true),
  bool('Guests Can Modify', 'guestsCanModify', false),
  bool('Guests Can See Other Guests', 'guestsCanSeeOtherGuests', true),
  text('ID', 'id'),
  text('Location', 'location'),
  { displayName: 'Max Attendees', name: 'maxAttendees', type: 'number', default: 0 },
  ...repeat,
  sendUpdates,
  choice('Show Me As', 'showMeAs', 'opaque', [['Available', 'transparent'], ['Busy', 'opaque']]),
  text('Summary', 'summary'),
  choice('Visibility', 'visibility', 'default', [['Confidential', 'confidential'], ['Default', 'default'], ['Private', 'private'], ['Public', 'public']]),
];
const attendees: NodeProperty = { displayName: 'Attendees', name: 'attendees', type: 'string', default: '', typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Attendee' } };
const reminders = (operation: string): NodeProperty => ({
  displayName: 'Reminders', name: 'remindersUi', type: 'fixedCollection', default: {}, placeholder: 'Add Reminder', typeOptions: { multipleValues: true },
  displayOptions: on('event', [operation], { useDefaultReminders: [false] }),
  options: [{ name: 'remindersValues', displayName: 'Reminder', values: [
    choice('Method', 'method', '', [['Email', 'email'], ['Popup', 'popup']]),
    { displayName: 'Minutes Before', name: 'minutes', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 40320 } },
  ] }],
});
const before13 = { '@version': [{ _cnd: { lt: 1.3 } }] };
const from12 = { '@version': [{ _cnd: { gte: 1.2 } }] };
const before12 = { '@version': [{ _cnd: { lt: 1.2 } }] };
const from13 = { '@version': [{ _cnd: { gte: 1.3 } }] };

export const googleCalendarProperties: NodeProperty[] = [
  { displayName: 'Resource', name: 'resource', type: 'options', noDataExpression: true, default: 'event',
    options: [{ name: 'Calendar', value: 'calendar' }, { name: 'Event', value: 'event' }] },
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'availability',
    displayOptions: { show: { resource: ['calendar'] } }, options: [{ name: 'Availability', value: 'availability' }] },
  { ...calendar, displayOptions: { show: { resource: ['calendar'] } } },
  dateTime('Start Time', 'timeMin', { required: true, displayOptions: on('calendar', ['availability'], before13) }),
  dateTime('End Time', 'timeMax', { required: true, displayOptions: on('calendar', ['availability'], before13) }),
  dateTime('Start Time', 'timeMin', { required: true, default: '={{ $now }}', displayOptions: on('calendar', ['availability'], from13) }),
  dateTime('End Time', 'timeMax', { required: true, default: "={{ $now.plus(1, 'hour') }}", displayOptions: on('calendar', ['availability'], from13) }),
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Options', default: {}, displayOptions: on('calendar', ['availability']),
    options: [choice('Output Format', 'outputFormat', 'availability', [['Availability', 'availability'], ['Booked Slots', 'bookedSlots'], ['RAW', 'raw']]),
      timezoneLocator('Timezone', 'timezone')] },

  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'create', displayOptions: { show: { resource: ['event'] } },
    options: [['Create', 'create'], ['Delete', 'delete'], ['Get', 'get'], ['Get Many', 'getAll'], ['Update', 'update']].map(([name, value]) => ({ name, value })) },
  { ...calendar, displayOptions: { show: { resource: ['event'] } } },
  dateTime('Start', 'start', { required: true, displayOptions: on('event', ['create'], before13) }),
  dateTime('Start', 'start', { required: true, default: '={{ $now }}', displayOptions: on('event', ['create'], from13) }),
  dateTime('End', 'end', { required: true, displayOptions: on('event', ['create'], before13) }),
  dateTime('End', 'end', { required: true, default: "={{ $now.plus(1, 'hour') }}", displayOptions: on('event', ['create'], from13) }),
  { ...bool('Use Default Reminders', 'useDefaultReminders', true), displayOptions: on('event', ['create']) },
  { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('event', ['create']),
    options: [attendees, { displayName: 'Conference Data', name: 'conferenceDataUi', type: 'fixedCollection', placeholder: 'Add Conference', default: {},
      options: [{ name: 'conferenceDataValues', displayName: 'Conference Link', values: [
        { displayName: 'Type Name or ID', name: 'conferenceSolution', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getConferenceSolutions', loadOptionsDependsOn: ['calendar'] } },
      ] }] }, ...eventFields] },
  reminders('create'),

  text('Event ID', 'eventId', { required: true, displayOptions: on('event', ['delete', 'get', 'update']) }),
  { displayName: 'Modify', name: 'modifyTarget', type: 'options', default: 'instance', displayOptions: on('event', ['update'], from13),
    options: [{ name: 'Occurrence', value: 'instance' }, { name: 'Recurring Event', value: 'event' }] },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Options', default: {}, displayOptions: on('event', ['delete']), options: [sendUpdates] },
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Options', default: {}, displayOptions: on('event', ['get']),
    options: [{ displayName: 'Max Attendees', name: 'maxAttendees', type: 'number', default: 0 },
      { ...bool('Return Next Instance of Recurring Event', 'returnNextInstance', false), displayOptions: { show: { '@version': [{ _cnd: { gte: 1.3 } }] } } },
      timezoneLocator('Timezone', 'timeZone')] },

  { ...bool('Return All', 'returnAll', false), displayOptions: on('event', ['getAll']) },
  { displayName: 'Limit', name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1, maxValue: 2500 }, displayOptions: on('event', ['getAll'], { returnAll: [false] }) },
  dateTime('After', 'timeMin', { default: '={{ $now }}', displayOptions: on('event', ['getAll'], from13) }),
  dateTime('Before', 'timeMax', { default: "={{ $now.plus({ week: 1 }) }}", displayOptions: on('event', ['getAll'], from13) }),
  { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: on('event', ['getAll']),
    options: [
      text('Fields', 'fields'),
      text('iCalUID', 'iCalUID'),
      { displayName: 'Max Attendees', name: 'maxAttendees', type: 'number', default: 0 },
      choice('Order By', 'orderBy', '', [['Start Time', 'startTime'], ['Updated', 'updated']]),
      text('Query', 'query'),
      { ...choice('Recurring Event Handling', 'recurringEventHandling', 'expand', [['All Occurrences', 'expand'], ['First Occurrence', 'first'], ['Next Occurrence', 'next']]),
        displayOptions: { show: { '@version': [{ _cnd: { gte: 1.3 } }] } } },
      bool('Show Deleted', 'showDeleted', false),
      bool('Show Hidden Invitations', 'showHiddenInvitations', false),
      { ...bool('Single Events', 'singleEvents', false), displayOptions: { show: { '@version': [{ _cnd: { lt: 1.3 } }] } } },
      { ...dateTime('Before', 'timeMax'), displayOptions: { show: { '@version': [{ _cnd: { lt: 1.3 } }] } } },
      { ...dateTime('After', 'timeMin'), displayOptions: { show: { '@version': [{ _cnd: { lt: 1.3 } }] } } },
      timezoneLocator('Timezone', 'timeZone'),
      dateTime('Updated Min', 'updatedMin'),
    ] },

  { ...bool('Use Default Reminders', 'useDefaultReminders', true), displayOptions: on('event', ['update']) },
  { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: on('event', ['update']),
    options: [
      { ...attendees, displayOptions: { show: before12 } },
      { displayName: 'Attendees', name: 'attendeesUi', type: 'fixedCollection', placeholder: 'Add Attendees', default: { values: { mode: 'add', attendees: [] } },
        displayOptions: { show: from12 },
        options: [{ name: 'values', displayName: 'Values', values: [
          choice('Mode', 'mode', 'add', [['Add Attendees Below [Keep Existing Ones]', 'add'], ['Replace Attendees with Those Below', 'replace']]),
          { ...attendees, default: [] as unknown as string },
        ] }] },
      ...eventFields.filter((field) => field.name !== 'allday' && field.name !== 'sendUpdates' && field.name !== 'maxAttendees'),
      choice('All Day', 'allday', 'no', [['Yes', 'yes'], ['No', 'no']]),
      dateTime('End', 'end'),
      { displayName: 'Max Attendees', name: 'maxAttendees', type: 'number', default: 0 },
      sendUpdates,
      dateTime('Start', 'start'),
      { displayName: 'Timezone Name or ID', name: 'timezone', type: 'options', default: '', typeOptions: { loadOptionsMethod: 'getTimezones' } },
    ] },
  reminders('update'),
];

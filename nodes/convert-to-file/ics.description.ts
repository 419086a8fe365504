// Convert to File's "Convert to ICS" parameters (n8n's iCalendar createEvent description, shown for
// operation iCal).
import type { NodeProperty } from '../../engine/index.ts';

const displayOptions = { show: { operation: ['iCal'] } };

const person = (name: string, valuesName: string, multipleValues: boolean, extra: NodeProperty[] = []): NodeProperty => ({
  displayName: name === 'attendeesUi' ? 'Attendees' : 'Organizer',
  name,
  type: 'fixedCollection',
  typeOptions: { multipleValues },
  placeholder: name === 'attendeesUi' ? 'Add Attendee' : 'Add Organizer',
  default: {},
  options: [{
    displayName: name === 'attendeesUi' ? 'Attendees' : 'Organizer',
    name: valuesName,
    values: [
      { displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
      { displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. name@email.com', required: true, default: '' },
      ...extra,
    ],
  }],
});

export const icsProperties: NodeProperty[] = [
  { displayName: 'Event Title', name: 'title', type: 'string', default: '', displayOptions },
  { displayName: 'Start', name: 'start', type: 'dateTime', default: '', required: true, description: 'When the event begins (the time is ignored for all-day events)', displayOptions },
  { displayName: 'End', name: 'end', type: 'dateTime', default: '', required: true, description: 'When the event ends (the time is ignored for all-day events)', displayOptions },
  { displayName: 'All Day', name: 'allDay', type: 'boolean', default: false, description: 'Whether the event lasts all day', displayOptions },
  { displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, description: 'The field to put the ICS file in', displayOptions },
  {
    displayName: 'Options',
    name: 'additionalFields',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions,
    options: [
      person('attendeesUi', 'attendeeValues', true, [{ displayName: 'RSVP', name: 'rsvp', type: 'boolean', default: false, description: 'Whether the attendee has to confirm attendance' }]),
      { displayName: 'Busy Status', name: 'busyStatus', type: 'options', options: [{ name: 'Busy', value: 'BUSY' }, { name: 'Tentative', value: 'TENTATIVE' }], default: '', description: 'Busy status for Microsoft applications such as Outlook' },
      { displayName: 'Calendar Name', name: 'calName', type: 'string', default: '', description: 'The calendar (not event) name, used by Apple iCal and Microsoft Outlook' },
      { displayName: 'Description', name: 'description', type: 'string', default: '' },
      { displayName: 'File Name', name: 'fileName', type: 'string', default: '', placeholder: 'e.g. event.ics', description: 'The name of the file; event.ics when empty' },
      {
        displayName: 'Geolocation',
        name: 'geolocationUi',
        type: 'fixedCollection',
        typeOptions: { multipleValues: false },
        placeholder: 'Add Geolocation',
        default: {},
        options: [{
          displayName: 'Geolocation',
          name: 'geolocationValues',
          values: [
            { displayName: 'Latitude', name: 'lat', type: 'string', default: '' },
            { displayName: 'Longitude', name: 'lon', type: 'string', default: '' },
          ],
        }],
      },
      { displayName: 'Location', name: 'location', type: 'string', default: '', description: 'The intended venue' },
      { displayName: 'Recurrence Rule', name: 'recurrenceRule', type: 'string', default: '', description: 'The repeat pattern of the event (RRULE)' },
      person('organizerUi', 'organizerValues', false),
      { displayName: 'Sequence', name: 'sequence', type: 'number', default: 0, description: 'The revision number when sending an update of an event (same UID)' },
      { displayName: 'Status', name: 'status', type: 'options', options: [{ name: 'Confirmed', value: 'CONFIRMED' }, { name: 'Cancelled', value: 'CANCELLED' }, { name: 'Tentative', value: 'TENTATIVE' }], default: 'CONFIRMED' },
      { displayName: 'UID', name: 'uid', type: 'string', default: '', description: 'A globally unique ID for the event; generated when empty' },
      { displayName: 'URL', name: 'url', type: 'string', default: '', description: 'URL associated with the event' },
      { displayName: 'Use Workflow Timezone', name: 'useWorkflowTimezone', type: 'boolean', default: false, description: "Whether to read start and end in the workflow's timezone rather than UTC" },
    ],
  },
];

// Local File Trigger parameters (n8n-nodes-base.localFileTrigger v1).
import type { NodeProperty } from '../../engine/index.ts';

export const localFileTriggerProperties: NodeProperty[] = [
  {
    displayName: 'Trigger On',
    name: 'triggerOn',
    type: 'options',
    options: [
      { name: 'Changes to a Specific File', value: 'file' },
      { name: 'Changes Involving a Specific Folder', value: 'folder' },
    ],
    required: true,
    default: '',
  },
  { displayName: 'File to Watch', name: 'path', type: 'string', default: '', placeholder: '/data/invoices/1.pdf', displayOptions: { show: { triggerOn: ['file'] } } },
  { displayName: 'Folder to Watch', name: 'path', type: 'string', default: '', placeholder: '/data/invoices', displayOptions: { show: { triggerOn: ['folder'] } } },
  {
    displayName: 'Watch for',
    name: 'events',
    type: 'multiOptions',
    options: [
      { name: 'File Added', value: 'add', description: 'Triggers whenever a new file was added' },
      { name: 'File Changed', value: 'change', description: 'Triggers whenever a file was changed' },
      { name: 'File Deleted', value: 'unlink', description: 'Triggers whenever a file was deleted' },
      { name: 'Folder Added', value: 'addDir', description: 'Triggers whenever a new folder was added' },
      { name: 'Folder Deleted', value: 'unlinkDir', description: 'Triggers whenever a folder was deleted' },
    ],
    required: true,
    default: [],
    description: 'The events to listen to',
    displayOptions: { show: { triggerOn: ['folder'] } },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    options: [
      { displayName: 'Await Write Finish', name: 'awaitWriteFinish', type: 'boolean', default: false, description: 'Whether to wait until a file stops growing before triggering' },
      { displayName: 'Include Linked Files/Folders', name: 'followSymlinks', type: 'boolean', default: true, description: 'Whether linked files and folders are watched too (only inside the allowed folders)' },
      { displayName: 'Ignore', name: 'ignored', type: 'string', default: '', placeholder: '**/*.txt', description: 'Files or paths to ignore; the whole path is tested' },
      {
        displayName: 'Ignore Mode',
        name: 'ignoreMode',
        type: 'options',
        default: 'match',
        options: [
          { name: 'Match', value: 'match', description: 'Ignore paths matching the pattern (glob)' },
          { name: 'Contain', value: 'contain', description: 'Ignore paths containing the text' },
        ],
      },
      {
        displayName: 'Max Folder Depth',
        name: 'depth',
        type: 'options',
        default: -1,
        options: [
          { name: '1 Levels Down', value: 1 },
          { name: '2 Levels Down', value: 2 },
          { name: '3 Levels Down', value: 3 },
          { name: '4 Levels Down', value: 4 },
          { name: '5 Levels Down', value: 5 },
          { name: 'Top Folder Only', value: 0 },
          { name: 'Unlimited', value: -1 },
        ],
        description: 'How deep into the folder structure to watch for changes',
      },
      { displayName: 'Use Polling', name: 'usePolling', type: 'boolean', default: false, description: 'Whether to poll for changes (network shares, some containers)' },
    ],
  },
];

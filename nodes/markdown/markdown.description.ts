// Markdown parameters (n8n-nodes-base.markdown v1). n8n converts with showdown and node-html-markdown;
// Weft uses marked and turndown, so some options have no effect (listed in markdown-options.ts).
import type { NodeProperty } from '../../engine/index.ts';

const toMarkdown = { show: { mode: ['htmlToMarkdown'] } };
const toHtml = { show: { mode: ['markdownToHtml'] } };

const patternPair = (name: string, multipleValues: boolean, key: string, displayName: string, description: string): NodeProperty => ({
  displayName,
  name,
  type: 'fixedCollection',
  typeOptions: { multipleValues },
  default: multipleValues ? [] : {},
  description,
  options: [{
    name: key,
    displayName: key === 'values' ? 'Values' : 'Value',
    values: [
      { displayName: 'Pattern', name: 'pattern', type: 'string', default: '', description: 'RegEx for pattern' },
      { displayName: 'Replacement', name: 'replacement', type: 'string', default: '', description: 'String replacement' },
    ],
  }],
});

const flag = (displayName: string, name: string, description: string, value = false): NodeProperty => ({ displayName, name, type: 'boolean', default: value, description });

export const markdownProperties: NodeProperty[] = [
  {
    displayName: 'Mode',
    name: 'mode',
    type: 'options',
    options: [
      { name: 'Markdown to HTML', value: 'markdownToHtml', description: 'Convert data from Markdown to HTML' },
      { name: 'HTML to Markdown', value: 'htmlToMarkdown', description: 'Convert data from HTML to Markdown' },
    ],
    default: 'htmlToMarkdown',
  },
  { displayName: 'HTML', name: 'html', type: 'string', default: '', required: true, description: 'The HTML to be converted to Markdown', displayOptions: toMarkdown },
  { displayName: 'Markdown', name: 'markdown', type: 'string', typeOptions: { alwaysOpenEditWindow: true }, default: '', required: true, description: 'The Markdown to be converted to HTML', displayOptions: toHtml },
  {
    displayName: 'Destination Key',
    name: 'destinationKey',
    type: 'string',
    default: 'data',
    required: true,
    description: 'The field to put the output in. Nested fields with dots, e.g. "level1.level2.newKey".',
    displayOptions: { show: { mode: ['markdownToHtml', 'htmlToMarkdown'] } },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: toMarkdown,
    options: [
      { displayName: 'Bullet Marker', name: 'bulletMarker', type: 'string', default: '*' },
      { displayName: 'Code Block Fence', name: 'codeFence', type: 'string', default: '```' },
      { displayName: 'Emphasis Delimiter', name: 'emDelimiter', type: 'string', default: '_' },
      patternPair('globalEscape', false, 'value', 'Global Escape Pattern', 'Replaces the default escaping of text'),
      { displayName: 'Ignored Elements', name: 'ignore', type: 'string', default: '', placeholder: 'e.g. h1, p ...', description: 'Comma-separated elements dropped with their content' },
      flag('Keep Images With Data', 'keepDataImages', 'Whether to keep images with data: URIs'),
      patternPair('lineStartEscape', false, 'value', 'Line Start Escape Pattern', 'Replaces the default escaping at line starts'),
      { displayName: 'Max Consecutive New Lines', name: 'maxConsecutiveNewlines', type: 'number', default: 3 },
      flag('Place URLs At The Bottom', 'useLinkReferenceDefinitions', 'Whether to put URLs at the bottom as link reference definitions'),
      { displayName: 'Strong Delimiter', name: 'strongDelimiter', type: 'string', default: '**' },
      { displayName: 'Style For Code Block', name: 'codeBlockStyle', type: 'options', default: 'fence', options: [{ name: 'Fence', value: 'fence' }, { name: 'Indented', value: 'indented' }] },
      patternPair('textReplace', true, 'values', 'Text Replacement Pattern', 'Replacements applied to the text of the HTML'),
      { displayName: 'Treat As Blocks', name: 'blockElements', type: 'string', default: '', placeholder: 'e.g. p, div, ...', description: 'Comma-separated elements surrounded with blank lines' },
    ],
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: toHtml,
    options: [
      flag('Add Blank To Links', 'openLinksInNewWindow', 'Whether to open links in new windows (target="_blank")'),
      flag('Automatic Linking To URLs', 'simplifiedAutoLink', 'Whether to link bare URLs'),
      flag('Backslash Escapes HTML Tags', 'backslashEscapesHTMLTags', 'Whether \\<div> is written as text (marked always does this)'),
      flag('Complete HTML Document', 'completeHTMLDocument', 'Whether to output a whole HTML document instead of a fragment'),
      flag('Customized Header ID', 'customizedHeaderId', 'Whether to use text in curly braces after a heading as its ID'),
      flag('Emoji Support', 'emoji', 'Whether :smile: style GitHub emoji codes become emoji'),
      flag('Encode Emails', 'encodeEmails', 'Whether automatic e-mail links are written as character entities', true),
      flag('Exclude Trailing Punctuation From URLs', 'excludeTrailingPunctuationFromURLs', 'Whether . ! ? ( ) at the end of an automatic link stay out of it'),
      flag('GitHub Code Blocks', 'ghCodeBlocks', 'Whether fenced code blocks are supported', true),
      flag('GitHub Compatible Header IDs', 'ghCompatibleHeaderId', 'Whether to make header IDs like GitHub (dashes for spaces)'),
      { displayName: 'GitHub Mention Link', name: 'ghMentionsLink', type: 'string', default: 'https://github.com/{u}', description: 'Link of @mentions; {u} is the user name' },
      flag('GitHub Mentions', 'ghMentions', 'Whether to link @mentions'),
      flag('GitHub Task Lists', 'tasklists', 'Whether to render GFM task lists as checkboxes'),
      { displayName: 'Header Level Start', name: 'headerLevelStart', type: 'number', default: 1 },
      flag('Mandatory Space Before Header', 'requireSpaceBeforeHeadingText', 'Whether a space is needed between # and the header text'),
      flag('Middle Word Asterisks', 'literalMidWordAsterisks', 'Whether asterisks inside words stay literal'),
      flag('Middle Word Underscores', 'literalMidWordUnderscores', 'Whether underscores inside words stay literal'),
      flag('No Header ID', 'noHeaderId', 'Whether to leave headers without IDs'),
      flag('Parse Image Dimensions', 'parseImgDimensions', 'Whether ![alt](src =100x80) sets the image size'),
      { displayName: 'Prefix Header ID', name: 'prefixHeaderId', type: 'string', default: 'section', description: 'A prefix for generated header IDs' },
      flag('Raw Header ID', 'rawHeaderId', "Whether to only replace spaces, ' and \" in header IDs"),
      flag('Raw Prefix Header ID', 'rawPrefixHeaderId', 'Whether the header ID prefix is kept as written'),
      flag('Simple Line Breaks', 'simpleLineBreaks', 'Whether single line breaks become <br>'),
      flag('Smart Indentation Fix', 'smartIndentationFix', 'Whether the first line\'s indentation is removed from every line'),
      flag('Spaces Indented Sublists', 'disableForced4SpacesIndentedSublists', 'Whether 2 or 3 spaces nest a sublist (marked always nests by the list marker width)'),
      flag('Split Adjacent Blockquotes', 'splitAdjacentBlockquotes', 'Whether blockquotes separated by a blank line stay apart'),
      flag('Strikethrough', 'strikethrough', 'Whether ~~text~~ is struck through'),
      flag('Tables Header ID', 'tablesHeaderId', 'Whether table header cells get an ID'),
      flag('Tables Support', 'tables', 'Whether GFM tables are supported'),
    ],
  },
];

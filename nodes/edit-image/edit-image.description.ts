// Edit Image parameters (n8n-nodes-base.editImage v1). Multi Step repeats each operation's parameters
// inside its list of steps, as n8n does.
import type { NodeProperty } from '../../engine/index.ts';

const on = (...operation: string[]) => ({ show: { operation } });
const number = (displayName: string, name: string, value: number, operation: string, description?: string): NodeProperty =>
  ({ displayName, name, type: 'number', default: value, displayOptions: on(operation), ...(description ? { description } : {}) });
const color = (displayName: string, name: string, value: string, operation: string): NodeProperty =>
  ({ displayName, name, type: 'color', default: value, displayOptions: on(operation) });

export const COMPOSITE_OPERATORS = ['Add', 'Atop', 'Clear', 'Copy', 'Darken', 'Difference', 'Dest', 'In', 'Lighten', 'Multiply', 'Out', 'Over', 'Overlay', 'Plus', 'Screen', 'Xor'];

/** The parameters of each editing operation, shown for it alone and inside each Multi Step step. */
const operationProperties: NodeProperty[] = [
  number('Blur', 'blur', 5, 'blur', 'How strong the blur should be'),
  number('Sigma', 'sigma', 2, 'blur', 'The sigma of the blur'),
  number('Border Width', 'borderWidth', 10, 'border'),
  number('Border Height', 'borderHeight', 10, 'border'),
  color('Border Color', 'borderColor', '#000000', 'border'),
  { displayName: 'Composite Image Property', name: 'dataPropertyNameComposite', type: 'string', default: '', description: 'The binary property holding the image to put on top', displayOptions: on('composite') },
  { displayName: 'Operator', name: 'operator', type: 'options', default: 'Over', options: COMPOSITE_OPERATORS.map((name) => ({ name, value: name })), displayOptions: on('composite') },
  color('Background Color', 'backgroundColor', '#ffffff00', 'create'),
  number('Image Width', 'width', 50, 'create'),
  number('Image Height', 'height', 50, 'create'),
  number('Width', 'width', 500, 'crop'),
  number('Height', 'height', 500, 'crop'),
  number('Width', 'width', 500, 'resize'),
  number('Height', 'height', 500, 'resize'),
  {
    displayName: 'Option',
    name: 'resizeOption',
    type: 'options',
    default: 'maximumArea',
    options: [
      { name: 'Ignore Aspect Ratio', value: 'ignoreAspectRatio', description: 'Ignore aspect ratio and resize exactly to specified values' },
      { name: 'Maximum Area', value: 'maximumArea', description: 'Specified values are maximum area' },
      { name: 'Minimum Area', value: 'minimumArea', description: 'Specified values are minimum area' },
      { name: 'Only if Larger', value: 'onlyIfLarger', description: 'Resize only if image is larger than width or height' },
      { name: 'Only if Smaller', value: 'onlyIfSmaller', description: 'Resize only if image is smaller than width or height' },
      { name: 'Percent', value: 'percent', description: 'Width and height are specified in percents' },
    ],
    displayOptions: on('resize'),
  },
  number('Rotate', 'rotate', 0, 'rotate', 'How much the image should be rotated, in degrees'),
  color('Background Color', 'backgroundColor', '#ffffffff', 'rotate'),
  { displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 5 }, default: '', placeholder: 'Text to render', displayOptions: on('text') },
  number('Font Size', 'fontSize', 18, 'text'),
  color('Font Color', 'fontColor', '#000000', 'text'),
  number('Position X', 'positionX', 50, 'text', 'X (horizontal) position of the text'),
  number('Position Y', 'positionY', 50, 'text', 'Y (vertical) position of the text'),
  number('Max Line Length', 'lineLength', 80, 'text', 'Most characters in one line; longer text is wrapped'),
  number('Position X', 'positionX', 0, 'crop', 'X (horizontal) position of the crop'),
  number('Position Y', 'positionY', 0, 'crop', 'Y (vertical) position of the crop'),
  number('Position X', 'positionX', 0, 'composite', 'X (horizontal) position of the image on top'),
  number('Position Y', 'positionY', 0, 'composite', 'Y (vertical) position of the image on top'),
  {
    displayName: 'Primitive',
    name: 'primitive',
    type: 'options',
    options: [{ name: 'Circle', value: 'circle' }, { name: 'Line', value: 'line' }, { name: 'Rectangle', value: 'rectangle' }],
    default: 'rectangle',
    description: 'The primitive to draw',
    displayOptions: on('draw'),
  },
  { displayName: 'Color', name: 'color', type: 'color', typeOptions: { showAlpha: true }, default: '#ff000000', description: 'The color of the primitive to draw (#RRGGBBOO: the last pair is opacity as GraphicsMagick reads it, 00 opaque)', displayOptions: on('draw') },
  number('Start Position X', 'startPositionX', 50, 'draw', 'X (horizontal) start position of the primitive'),
  number('Start Position Y', 'startPositionY', 50, 'draw', 'Y (vertical) start position of the primitive'),
  number('End Position X', 'endPositionX', 250, 'draw', 'X (horizontal) end position of the primitive'),
  number('End Position Y', 'endPositionY', 250, 'draw', 'Y (vertical) end position of the primitive'),
  { displayName: 'Corner Radius', name: 'cornerRadius', type: 'number', default: 0, description: 'The radius of the corner to create round corners', displayOptions: { show: { operation: ['draw'], primitive: ['rectangle'] } } },
  number('Degrees X', 'degreesX', 0, 'shear', 'X (horizontal) shear degrees'),
  number('Degrees Y', 'degreesY', 0, 'shear', 'Y (vertical) shear degrees'),
  { displayName: 'Color', name: 'color', type: 'color', default: '#ff0000', description: 'The color to make transparent', displayOptions: on('transparent') },
];

const STEP_OPERATIONS = [
  ['Blur', 'blur', 'Adds a blur to the image and so makes it less sharp'], ['Border', 'border', 'Adds a border to the image'],
  ['Composite', 'composite', 'Composite image on top of another one'], ['Create', 'create', 'Create a new image'], ['Crop', 'crop', 'Crops the image'],
  ['Draw', 'draw', 'Draw on image'], ['Rotate', 'rotate', 'Rotate image'], ['Resize', 'resize', 'Change the size of image'],
  ['Shear', 'shear', 'Shear image along the X or Y axis'], ['Text', 'text', 'Adds text to image'], ['Transparent', 'transparent', 'Make a color in image transparent'],
].map(([name, value, description]) => ({ name, value, description }));

export const editImageProperties: NodeProperty[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Blur', value: 'blur', description: 'Adds a blur to the image and so makes it less sharp' },
      { name: 'Border', value: 'border', description: 'Adds a border to the image' },
      { name: 'Composite', value: 'composite', description: 'Composite image on top of another one' },
      { name: 'Create', value: 'create', description: 'Create a new image' },
      { name: 'Crop', value: 'crop', description: 'Crops the image' },
      { name: 'Draw', value: 'draw', description: 'Draw on image' },
      { name: 'Get Information', value: 'information', description: 'Returns image information like resolution' },
      { name: 'Multi Step', value: 'multiStep', description: 'Perform multiple operations' },
      { name: 'Resize', value: 'resize', description: 'Change the size of image' },
      { name: 'Rotate', value: 'rotate', description: 'Rotate image' },
      { name: 'Shear', value: 'shear', description: 'Shear image along the X or Y axis' },
      { name: 'Text', value: 'text', description: 'Adds text to image' },
      { name: 'Transparent', value: 'transparent', description: 'Make a color in image transparent' },
    ],
    default: 'border',
  },
  { displayName: 'Property Name', name: 'dataPropertyName', type: 'string', default: 'data', description: 'Name of the binary property in which the image data can be found' },
  {
    displayName: 'Operations',
    name: 'operations',
    placeholder: 'Add Operation',
    type: 'fixedCollection',
    typeOptions: { multipleValues: true, sortable: true },
    displayOptions: on('multiStep'),
    description: 'The operations to perform, in order',
    default: {},
    options: [{
      name: 'operations',
      displayName: 'Operations',
      values: [
        { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, options: STEP_OPERATIONS, default: '' },
        ...operationProperties,
        { displayName: 'Font Name or ID', name: 'font', type: 'string', default: 'default', description: 'The font family of the text (a fontconfig name)', displayOptions: on('text') },
      ],
    }],
  },
  ...operationProperties,
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add option',
    default: {},
    displayOptions: { hide: { operation: ['information'] } },
    options: [
      { displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'File name to set in binary data' },
      { displayName: 'Font Name or ID', name: 'font', type: 'string', default: 'default', description: 'The font family of the text (a fontconfig name)', displayOptions: { show: { '/operation': ['text'] } } },
      {
        displayName: 'Format',
        name: 'format',
        type: 'options',
        default: 'jpeg',
        options: ['bmp', 'gif', 'jpeg', 'png', 'tiff', 'webp'].map((value) => ({ name: value.toUpperCase(), value })),
        description: 'Set the output image format',
      },
      { displayName: 'Quality', name: 'quality', type: 'number', typeOptions: { minValue: 0, maxValue: 100 }, default: 100, description: 'Sets the jpeg|png|tiff compression level from 0 to 100 (best)' },
    ],
  },
];

// Parameters of n8n's YouTube node (v1) for the channel and playlist resources.
import type { NodeProperty } from '../../engine/index.ts';
import {
  bool, choice, contentOwner, contentOwnerChannel, defaultLanguage, options, partField, privacyStatus, returnAllAndLimit, showFor, str, tags,
} from './you-tube-fields.ts';

export const CHANNEL_PARTS: Array<[string, string]> = [
  ['Branding Settings', 'brandingSettings'], ['Content Details', 'contentDetails'], ['Content Owner Details', 'contentOwnerDetails'], ['ID', 'id'],
  ['Localizations', 'localizations'], ['Snippet', 'snippet'], ['Statistics', 'statistics'], ['Status', 'status'], ['Topic Details', 'topicDetails'],
];
export const PLAYLIST_PARTS: Array<[string, string]> = [
  ['Content Details', 'contentDetails'], ['ID', 'id'], ['Localizations', 'localizations'], ['Player', 'player'], ['Snippet', 'snippet'], ['Status', 'status'],
];

const channelSettings: NodeProperty[] = [
  str('Country', 'country', { description: 'The country with which the channel is associated' }),
  str('Description', 'description', { description: 'The channel description, which appears in the channel information box on your channel page' }),
  str('Default Language', 'defaultLanguage', { description: 'The content tab that users should display by default when viewers arrive at your channel page' }),
  str('Default Tab', 'defaultTab', { description: 'The content tab that users should display by default when viewers arrive at your channel page' }),
  str('Featured Channels Title', 'featuredChannelsTitle', { description: 'The title that displays above the featured channels module' }),
  { displayName: 'Featured Channels Urls', name: 'featuredChannelsUrls', type: 'string', typeOptions: { multipleValues: true }, default: [],
    description: 'A list of up to 100 channels that you would like to link to from the featured channels module' },
  str('Keywords', 'keywords', { typeOptions: { alwaysOpenEditWindow: true }, placeholder: 'tech,news',
    description: 'Keywords associated with your channel. The value is a space-separated list of strings.' }),
  bool('Moderate Comments', 'moderateComments', false, 'Whether user-submitted comments left on the channel page need to be approved by the channel owner to be publicly visible'),
  str('Profile Color', 'profileColor', { description: "A prominent color that complements the channel's content" }),
  bool('Show Related Channels', 'showRelatedChannels', false, 'Whether YouTube should show an algorithmically generated list of related channels on your channel page'),
  bool('Show Browse View', 'showBrowseView', false, 'Whether the channel page should display content in a browse or feed view'),
  str('Tracking Analytics AccountId', 'trackingAnalyticsAccountId', { description: 'The ID for a Google Analytics account that you want to use to track and measure traffic to your channel' }),
  str('Unsubscribed Trailer', 'unsubscribedTrailer', { description: "The video that should play in the featured video module in the channel page's browse view for unsubscribed viewers" }),
];

export const channelProperties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'getAll', displayOptions: { show: { resource: ['channel'] } },
    options: [
      { name: 'Get', value: 'get', description: 'Retrieve a channel' },
      { name: 'Get Many', value: 'getAll', description: 'Retrieve many channels' },
      { name: 'Update', value: 'update', description: 'Update a channel' },
      { name: 'Upload Banner', value: 'uploadBanner', description: 'Upload a channel banner' },
    ] },
  partField('channel', 'getAll', CHANNEL_PARTS),
  ...returnAllAndLimit('channel', 'getAll'),
  options('filters', showFor('channel', ['getAll']), [
    str('Category ID', 'categoryId', { description: 'The categoryId parameter specifies a YouTube guide category, thereby requesting YouTube channels associated with that category' }),
    str('For Username', 'forUsername', { description: 'The forUsername parameter specifies a YouTube username, thereby requesting the channel associated with that username' }),
    str('ID', 'id', { description: "The ID parameter specifies a comma-separated list of the YouTube channel ID(s) for the resource(s) that are being retrieved" }),
    bool('Managed By Me', 'managedByMe', false, 'Whether to instruct the API to only return channels managed by the content owner that the onBehalfOfContentOwner parameter specifies'),
  ], 'Add filter'),
  options('options', showFor('channel', ['getAll']), [
    { displayName: 'Language Code Name or ID', name: 'h1', type: 'options', typeOptions: { loadOptionsMethod: 'getLanguages' }, default: '',
      description: 'The hl parameter instructs the API to retrieve localized resource metadata for a specific application language that the YouTube website supports' },
    contentOwner,
  ]),
  str('Channel ID', 'channelId', { required: true, displayOptions: showFor('channel', ['get']), description: 'ID of the channel' }),
  partField('channel', 'get', CHANNEL_PARTS),
  str('Channel ID', 'channelId', { required: true, displayOptions: showFor('channel', ['update']) }),
  options('updateFields', showFor('channel', ['update']), [
    { displayName: 'Branding Settings', name: 'brandingSettingsUi', type: 'fixedCollection', default: {}, placeholder: 'Add Branding Settings',
      typeOptions: { multipleValues: false }, description: 'Encapsulates information about the branding of the channel',
      options: [
        { name: 'channelSettingsValues', displayName: 'Channel Settings', values: [
          { displayName: 'Channel', name: 'channel', type: 'collection', default: {}, placeholder: 'Add Channel Settings', typeOptions: { multipleValues: false }, options: channelSettings },
        ] },
        { name: 'imageSettingsValues', displayName: 'Image Settings', values: [
          { displayName: 'Image', name: 'image', type: 'collection', default: {}, placeholder: 'Add Channel Settings', typeOptions: { multipleValues: false },
            options: [str('Banner External URL', 'bannerExternalUrl'), str('Tracking Image URL', 'trackingImageUrl'), str('Watch Icon Image URL', 'watchIconImageUrl')] },
        ] },
        { name: 'statusValue', displayName: 'Status', values: [
          { displayName: 'Status', name: 'status', type: 'collection', default: {}, placeholder: 'Add Status', typeOptions: { multipleValues: false },
            options: [bool('Self Declared Made For Kids', 'selfDeclaredMadeForKids', false)] },
        ] },
      ] },
    str('On Behalf Of Content Owner', 'onBehalfOfContentOwner'),
  ], 'Add Field'),
  str('Channel ID', 'channelId', { required: true, displayOptions: showFor('channel', ['uploadBanner']), description: 'ID of the channel' }),
  str('Input Binary Field', 'binaryProperty', { required: true, default: 'data', displayOptions: showFor('channel', ['uploadBanner']) }),
];

export const playlistProperties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'getAll', displayOptions: { show: { resource: ['playlist'] } },
    options: [
      { name: 'Create', value: 'create', description: 'Create a playlist' },
      { name: 'Delete', value: 'delete', description: 'Delete a playlist' },
      { name: 'Get', value: 'get', description: 'Get a playlist' },
      { name: 'Get Many', value: 'getAll', description: 'Retrieve many playlists' },
      { name: 'Update', value: 'update', description: 'Update a playlist' },
    ] },
  str('Title', 'title', { required: true, displayOptions: showFor('playlist', ['create']), description: "The playlist's title" }),
  options('options', showFor('playlist', ['create']), [
    str('Description', 'description', { description: "The playlist's description" }),
    privacyStatus("The playlist's privacy status"),
    tags,
    defaultLanguage("The language of the text in the playlist resource's title and description properties"),
    contentOwnerChannel,
    contentOwner,
  ]),
  str('Playlist ID', 'playlistId', { required: true, displayOptions: showFor('playlist', ['get']) }),
  partField('playlist', 'get', PLAYLIST_PARTS),
  options('options', showFor('playlist', ['get']), [contentOwner, contentOwnerChannel]),
  str('Playlist ID', 'playlistId', { required: true, displayOptions: showFor('playlist', ['delete']) }),
  options('options', showFor('playlist', ['delete']), [contentOwner]),
  partField('playlist', 'getAll', PLAYLIST_PARTS),
  ...returnAllAndLimit('playlist', 'getAll'),
  options('filters', showFor('playlist', ['getAll']), [
    str('Channel ID', 'channelId', { description: "This value indicates that the API should only return the specified channel's playlists" }),
    str('ID', 'id', { description: 'The ID parameter specifies a comma-separated list of the YouTube playlist ID(s) for the resource(s) that are being retrieved' }),
  ], 'Add filter'),
  options('options', showFor('playlist', ['getAll']), [contentOwnerChannel, contentOwner]),
  str('Playlist ID', 'playlistId', { required: true, displayOptions: showFor('playlist', ['update']), description: "The playlist's ID" }),
  str('Title', 'title', { required: true, displayOptions: showFor('playlist', ['update']), description: "The playlist's title" }),
  options('updateFields', showFor('playlist', ['update']), [
    defaultLanguage("The language of the text in the playlist resource's title and description properties"),
    str('Description', 'description', { description: "The playlist's description" }),
    contentOwner,
    privacyStatus("The playlist's privacy status"),
    tags,
  ], 'Add Field'),
];


// Parameters of n8n's YouTube node (v1) for the playlistItem, video and videoCategory resources.
import type { NodeProperty } from '../../engine/index.ts';
import { bool, choice, contentOwner, defaultLanguage, options, partField, privacyStatus, returnAllAndLimit, showFor, str, tags } from './you-tube-fields.ts';

export const PLAYLIST_ITEM_PARTS: Array<[string, string]> = [['Content Details', 'contentDetails'], ['ID', 'id'], ['Snippet', 'snippet'], ['Status', 'status']];
export const VIDEO_PARTS: Array<[string, string]> = [
  ['Content Details', 'contentDetails'], ['ID', 'id'], ['Live Streaming Details', 'liveStreamingDetails'], ['Localizations', 'localizations'],
  ['Player', 'player'], ['Recording Details', 'recordingDetails'], ['Snippet', 'snippet'], ['Statistics', 'statistics'], ['Status', 'status'],
  ['Topic Details', 'topicDetails'],
];

const playlistChoice = (operation: string): NodeProperty => ({
  displayName: 'Playlist Name or ID', name: 'playlistId', type: 'options', typeOptions: { loadOptionsMethod: 'getPlaylists' }, required: true, default: '',
  description: 'Choose from the list, or specify an ID using an expression', displayOptions: showFor('playlistItem', [operation]),
});

export const playlistItemProperties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'add', displayOptions: { show: { resource: ['playlistItem'] } },
    options: [
      { name: 'Add', value: 'add', description: 'Add an item to a playlist' },
      { name: 'Delete', value: 'delete', description: 'Delete a item from a playlist' },
      { name: 'Get', value: 'get', description: "Get a playlist's item" },
      { name: 'Get Many', value: 'getAll', description: 'Retrieve many playlist items' },
    ] },
  playlistChoice('add'),
  str('Video ID', 'videoId', { required: true, displayOptions: showFor('playlistItem', ['add']) }),
  options('options', showFor('playlistItem', ['add']), [
    { displayName: 'End At', name: 'endAt', type: 'dateTime', default: '', description: 'The time, measured in seconds from the start of the video, when the video should stop playing' },
    str('Note', 'note', { description: 'A user-generated note for this item. The property value has a maximum length of 280 characters.' }),
    contentOwner,
    { displayName: 'Position', name: 'position', type: 'number', typeOptions: { minValue: 0 }, default: '',
      description: 'The order in which the item appears in the playlist. The value uses a zero-based index.' },
    { displayName: 'Start At', name: 'startAt', type: 'dateTime', default: '', description: 'The time, measured in seconds from the start of the video, when the video should start playing' },
  ]),
  str('Playlist Item ID', 'playlistItemId', { required: true, displayOptions: showFor('playlistItem', ['get']) }),
  partField('playlistItem', 'get', PLAYLIST_ITEM_PARTS),
  options('options', showFor('playlistItem', ['get']), [contentOwner]),
  str('Playlist Item ID', 'playlistItemId', { required: true, displayOptions: showFor('playlistItem', ['delete']) }),
  options('options', showFor('playlistItem', ['delete']), [contentOwner]),
  playlistChoice('getAll'),
  partField('playlistItem', 'getAll', PLAYLIST_ITEM_PARTS),
  ...returnAllAndLimit('playlistItem', 'getAll'),
  options('options', showFor('playlistItem', ['getAll']), [contentOwner]),
];

const regionCode = (operation: string): NodeProperty => ({
  displayName: 'Region Code', name: 'regionCode', type: 'options', typeOptions: { loadOptionsMethod: 'getCountriesCodes' }, default: '',
  displayOptions: showFor('video', [operation]),
});
const categoryId = (operation: string): NodeProperty => ({
  displayName: 'Category Name or ID', name: 'categoryId', type: 'options', typeOptions: { loadOptionsMethod: 'getVideoCategories', loadOptionsDependsOn: ['regionCode'] },
  default: '', description: 'Choose from the list, or specify an ID using an expression', displayOptions: showFor('video', [operation]),
});

/** The video settings upload and update share (n8n's upload Options and update Update Fields). */
const videoSettings: NodeProperty[] = [
  defaultLanguage("The language of the text in the playlist resource's title and description properties"),
  str('Description', 'description', { description: "The playlist's description" }),
  bool('Embeddable', 'embeddable', false, 'Whether the video can be embedded on another website'),
  { displayName: 'License', name: 'license', type: 'options', default: '', description: "The video's license",
    options: choice([['Creative Common', 'creativeCommon'], ['Youtube', 'youtube']]) },
  bool('Notify Subscribers', 'notifySubscribers', false, "Whether YouTube should send a notification about the new video to users who subscribe to the video's channel"),
  privacyStatus("The playlist's privacy status"),
  bool('Public Stats Viewable', 'publicStatsViewable', true, "Whether the extended video statistics on the video's watch page are publicly viewable"),
  { displayName: 'Publish At', name: 'publishAt', type: 'dateTime', default: '', description: 'If you set a value for this property, you must also set the status.privacyStatus property to private' },
  { displayName: 'Recording Date', name: 'recordingDate', type: 'dateTime', default: '', description: 'The date and time when the video was recorded' },
  bool('Self Declared Made For Kids', 'selfDeclaredMadeForKids', false, 'Whether the video is designated as child-directed'),
  tags,
];

export const videoProperties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'getAll', displayOptions: { show: { resource: ['video'] } },
    options: [
      { name: 'Delete', value: 'delete', description: 'Delete a video' },
      { name: 'Get', value: 'get', description: 'Get a video' },
      { name: 'Get Many', value: 'getAll', description: 'Retrieve many videos' },
      { name: 'Rate', value: 'rate', description: 'Rate a video' },
      { name: 'Update', value: 'update', description: 'Update a video' },
      { name: 'Upload', value: 'upload', description: 'Upload a video' },
    ] },
  str('Title', 'title', { required: true, displayOptions: showFor('video', ['upload']) }),
  regionCode('upload'),
  categoryId('upload'),
  str('Input Binary Field', 'binaryProperty', { required: true, default: 'data', displayOptions: showFor('video', ['upload']) }),
  options('options', showFor('video', ['upload']), videoSettings),
  str('Video ID', 'videoId', { required: true, displayOptions: showFor('video', ['delete']), description: 'ID of the video' }),
  options('options', showFor('video', ['delete']), [contentOwner]),
  str('Video ID', 'videoId', { required: true, displayOptions: showFor('video', ['get']) }),
  partField('video', 'get', VIDEO_PARTS),
  options('options', showFor('video', ['get']), [contentOwner]),
  ...returnAllAndLimit('video', 'getAll'),
  options('filters', showFor('video', ['getAll']), [
    str('Channel ID', 'channelId', { description: 'The channelId parameter indicates that the API response should only contain resources created by the channel' }),
    bool('For Developer', 'forDeveloper', false, "Whether to restrict the search to only retrieve videos uploaded via the developer's application or website"),
    { displayName: 'Published After', name: 'publishedAfter', type: 'dateTime', default: '', description: 'Only resources created at or after the specified time' },
    { displayName: 'Published Before', name: 'publishedBefore', type: 'dateTime', default: '', description: 'Only resources created before or at the specified time' },
    str('Query', 'q', { description: 'The q parameter specifies the query term to search for' }),
    { displayName: 'Region Code', name: 'regionCode', type: 'options', typeOptions: { loadOptionsMethod: 'getCountriesCodes' }, default: '',
      description: 'The regionCode parameter instructs the API to select a video chart available in the specified region' },
    str('Related To Video ID', 'relatedToVideoId', { description: 'The relatedToVideoId parameter retrieves a list of videos that are related to the video that the parameter value identifies' }),
    str('Video Category ID', 'videoCategoryId', { description: 'The videoCategoryId parameter identifies the video category for which the chart should be retrieved' }),
    bool('Video Syndicated', 'videoSyndicated', false, 'Whether to restrict a search to only videos that can be played outside youtube.com'),
    { displayName: 'Video Type', name: 'videoType', type: 'options', default: '', description: 'The videoType parameter lets you restrict a search to a particular type of videos',
      options: choice([['Any', 'any'], ['Episode', 'episode'], ['Movie', 'movie']]) },
  ], 'Add filter'),
  options('options', showFor('video', ['getAll']), [
    { displayName: 'Order', name: 'order', type: 'options', default: 'relevance', options: choice([['Date', 'date'], ['Relevance', 'relevance']]) },
    { displayName: 'Safe Search', name: 'safeSearch', type: 'options', default: '',
      options: [
        { name: 'Moderate', value: 'moderate', description: 'YouTube will filter some content from search results' },
        { name: 'None', value: 'none', description: 'YouTube will not filter the search result set' },
        { name: 'Strict', value: 'strict', description: 'YouTube will try to exclude all restricted content from the search result set' },
      ] },
  ]),
  str('Video ID', 'videoId', { required: true, displayOptions: showFor('video', ['rate']) }),
  { displayName: 'Rating', name: 'rating', type: 'options', default: '', displayOptions: showFor('video', ['rate']),
    options: [
      { name: 'Dislike', value: 'dislike', description: 'Records that the authenticated user disliked the video' },
      { name: 'Like', value: 'like', description: 'Records that the authenticated user liked the video' },
      { name: 'None', value: 'none', description: 'Removes any rating that the authenticated user had previously set for the video' },
    ] },
  str('Video ID', 'videoId', { required: true, displayOptions: showFor('video', ['update']) }),
  str('Title', 'title', { required: true, displayOptions: showFor('video', ['update']) }),
  regionCode('update'),
  categoryId('update'),
  options('updateFields', showFor('video', ['update']), videoSettings),
];

export const videoCategoryProperties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'getAll', displayOptions: { show: { resource: ['videoCategory'] } },
    options: [{ name: 'Get Many', value: 'getAll', description: 'Retrieve many video categories' }] },
  { displayName: 'Region Code', name: 'regionCode', type: 'options', typeOptions: { loadOptionsMethod: 'getCountriesCodes' }, required: true, default: '',
    description: 'Choose from the list, or specify an ID using an expression', displayOptions: showFor('videoCategory', ['getAll']) },
  ...returnAllAndLimit('videoCategory', 'getAll'),
];

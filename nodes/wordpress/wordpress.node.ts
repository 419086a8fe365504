// Wordpress (n8n-nodes-base.wordpress) v1 on the WordPress REST API v2: posts, pages and users.
// Each item runs the chosen operation; lists become one item per entry.
import type { ExecuteContext, Item, JsonObject, LoadedOption, NodeType } from '../../engine/index.ts';
import { NodeOperationError } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { wordpressClient, wordpressRequest, wordpressRequestAll, type WordpressClient } from './wordpress-api.ts';
import { wordpressProperties } from './wordpress.description.ts';

/** n8n's field → WordPress body key for posts and pages (only fields with a truthy value are sent). */
const CONTENT_KEYS: Record<string, string> = {
  authorId: 'author', title: 'title', content: 'content', slug: 'slug', password: 'password', status: 'status',
  commentStatus: 'comment_status', pingStatus: 'ping_status', sticky: 'sticky', categories: 'categories', tags: 'tags', format: 'format', date: 'date',
  menuOrder: 'menu_order', parent: 'parent', featuredMediaId: 'featured_media',
};
const USER_KEYS: Record<string, string> = {
  name: 'name', firstName: 'first_name', lastName: 'last_name', email: 'email', password: 'password', username: 'username',
  url: 'url', description: 'description', nickname: 'nickname', slug: 'slug',
};
const POST_LIST_KEYS: Record<string, string> = {
  context: 'context', orderBy: 'orderby', order: 'order', search: 'search', before: 'before', after: 'after', author: 'author',
  categories: 'categories', excludedCategories: 'categories_exclude', tags: 'tags', excludedTags: 'tags_exclude', sticky: 'sticky', status: 'status',
};
const PAGE_LIST_KEYS: Record<string, string> = {
  context: 'context', orderBy: 'orderby', order: 'order', search: 'search', before: 'before', after: 'after', author: 'author',
  parent: 'parent', menuOrder: 'menu_order', status: 'status', page: 'page',
};
const USER_LIST_KEYS: Record<string, string> = { context: 'context', orderBy: 'orderby', order: 'order', search: 'search', who: 'who' };

const truthy = (value: unknown) => !(value === undefined || value === null || value === '' || value === false || value === 0 || (Array.isArray(value) && false));

function mapped(fields: JsonObject, keys: Record<string, string>, templateField?: string): JsonObject {
  const out: JsonObject = {};
  for (const [field, key] of Object.entries(keys)) if (truthy(fields[field])) out[key] = fields[field];
  if (templateField && fields[templateField]) {
    const values = (fields[templateField] as JsonObject).values as JsonObject | undefined;
    out.template = values?.template ?? '';
  }
  return out;
}

async function runContent(client: WordpressClient, kind: 'post' | 'page', operation: string, i: number): Promise<unknown> {
  const { ctx } = client;
  const base = kind === 'post' ? '/posts' : '/pages';
  const idName = kind === 'post' ? 'postId' : 'pageId';
  const id = () => String(param(ctx, idName, i, ''));
  const templateField = kind === 'post' ? 'postTemplate' : 'pageTemplate';
  switch (operation) {
    case 'create':
      return wordpressRequest(client, 'POST', base, { title: param(ctx, 'title', i, ''), ...mapped(collection(ctx, 'additionalFields', i), CONTENT_KEYS, templateField) });
    case 'update':
      return wordpressRequest(client, 'POST', `${base}/${id()}`, { id: parseInt(id(), 10), ...mapped(collection(ctx, 'updateFields', i), CONTENT_KEYS, templateField) });
    case 'get':
      return wordpressRequest(client, 'GET', `${base}/${id()}`, undefined, mapped(collection(ctx, 'options', i), { password: 'password', context: 'context' }));
    case 'getAll': {
      const query = mapped(collection(ctx, 'options', i), kind === 'post' ? POST_LIST_KEYS : PAGE_LIST_KEYS);
      if (param(ctx, 'returnAll', i, false)) return wordpressRequestAll(client, base, query);
      return wordpressRequest(client, 'GET', base, undefined, { ...query, per_page: param(ctx, 'limit', i, 5) });
    }
    case 'delete':
      return wordpressRequest(client, 'DELETE', `${base}/${id()}`, undefined, mapped(collection(ctx, 'options', i), { force: 'force' }));
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not known!`, { itemIndex: i });
  }
}

async function runUser(client: WordpressClient, operation: string, i: number): Promise<unknown> {
  const { ctx } = client;
  const text = (name: string) => param(ctx, name, i, '');
  switch (operation) {
    case 'create':
      return wordpressRequest(client, 'POST', '/users', {
        name: text('name'), username: text('username'), first_name: text('firstName'), last_name: text('lastName'), email: text('email'), password: text('password'),
        ...mapped(collection(ctx, 'additionalFields', i), { url: 'url', description: 'description', nickname: 'nickname', slug: 'slug' }),
      });
    case 'update': {
      const userId = param<unknown>(ctx, 'userId', i, '');
      return wordpressRequest(client, 'POST', `/users/${String(userId)}`, { id: userId, ...mapped(collection(ctx, 'updateFields', i), USER_KEYS) });
    }
    case 'get':
      return wordpressRequest(client, 'GET', `/users/${String(param<unknown>(ctx, 'userId', i, ''))}`, undefined, mapped(collection(ctx, 'options', i), { context: 'context' }));
    case 'getAll': {
      const query = mapped(collection(ctx, 'options', i), USER_LIST_KEYS);
      if (param(ctx, 'returnAll', i, false)) return wordpressRequestAll(client, '/users', query);
      return wordpressRequest(client, 'GET', '/users', undefined, { ...query, per_page: param(ctx, 'limit', i, 5) });
    }
    case 'delete':
      // As n8n: the request goes to /users/me with the reassignment and force=true (WordPress requires force).
      return wordpressRequest(client, 'DELETE', '/users/me', undefined, { reassign: text('reassign'), force: true });
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" is not known!`, { itemIndex: i });
  }
}

function toItems(answer: unknown, itemIndex: number): Item[] {
  return (Array.isArray(answer) ? answer : [answer]).map((entry) => ({
    json: entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as JsonObject) : { data: entry },
    pairedItem: { item: itemIndex },
  }));
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const client = await wordpressClient(ctx);
  const output: Item[] = [];
  // As n8n: resource and operation are read once, from the first item.
  const resource = param(ctx, 'resource', 0, 'post');
  const operation = param(ctx, 'operation', 0, 'create');
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        const answer = resource === 'user' ? await runUser(client, operation, i)
          : resource === 'post' || resource === 'page' ? await runContent(client, resource, operation, i)
            : (() => { throw new NodeOperationError(ctx.node.name, `The resource "${resource}" is not known!`, { itemIndex: i }); })();
        output.push(...toItems(answer, i));
      } catch (error) {
        const failure = serviceCallError(ctx.node.name, error, i);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await client.transport.close();
  }
  return [output];
}

async function loadAll(ctx: ExecuteContext, path: string, query: JsonObject = {}): Promise<LoadedOption[]> {
  const client = await wordpressClient(ctx);
  try {
    const entries = (await wordpressRequestAll(client, path, query)) as JsonObject[];
    return entries.map((entry) => ({ name: String(entry.name ?? entry.id), value: entry.id as number }));
  } finally {
    await client.transport.close();
  }
}

export const wordpressNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.wordpress',
    displayName: 'Wordpress',
    icon: 'file:wordpress.svg',
    group: ['output'],
    version: [1],
    description: 'Consume Wordpress API',
    defaults: { name: 'Wordpress' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [
      { name: 'wordpressApi', required: true, displayOptions: { show: { authType: ['basicAuth'] } } },
      { name: 'wordpressOAuth2Api', required: true, displayOptions: { show: { authType: ['oAuth2'] } } },
    ],
    properties: wordpressProperties,
  },
  execute,
  methods: {
    loadOptions: {
      getCategories: (ctx) => loadAll(ctx, '/categories'),
      getTags: (ctx) => loadAll(ctx, '/tags'),
      getAuthors: (ctx) => loadAll(ctx, '/users', { who: 'authors' }),
    },
  },
};

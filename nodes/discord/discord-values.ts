// Reading Discord node parameters: resource locators (list, ID, or a discord.com URL) and the
// message body parts n8n builds from options, embeds and files.
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { collection, fixedValues, param } from '../shared/params.ts';
import type { DiscordFile } from './discord-api.ts';

const GUILD_URL = /https:\/\/discord\.com\/channels\/([0-9]+)/;
const CHANNEL_URL = /https:\/\/discord\.com\/channels\/[0-9]+\/([0-9]+)/;

/** A resource locator's value; URL mode gives the ID the URL names (a server's, or a channel's). */
export function locatorValue(ctx: ExecuteContext, name: string, itemIndex: number): string {
  const raw = param<unknown>(ctx, name, itemIndex, '');
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const { mode, value } = raw as JsonObject;
    const text = value === undefined || value === null ? '' : String(value);
    if (mode === 'url') return ((name === 'guildId' ? GUILD_URL : CHANNEL_URL).exec(text)?.[1]) ?? text;
    return text;
  }
  return raw === undefined || raw === null ? '' : String(raw);
}

/** n8n's message options: flags as the bit field, a reply as a message_reference object. */
export function messageOptions(ctx: ExecuteContext, itemIndex: number, guildId?: string): JsonObject {
  const options = { ...collection(ctx, 'options', itemIndex) };
  const flags = Array.isArray(options.flags) ? (options.flags as string[]) : undefined;
  if (flags) {
    const value = (flags.includes('SUPPRESS_EMBEDS') ? 1 << 2 : 0) + (flags.includes('SUPPRESS_NOTIFICATIONS') ? 1 << 12 : 0);
    if (value) options.flags = value;
    else delete options.flags;
  }
  if (options.message_reference) options.message_reference = { message_id: options.message_reference, guild_id: guildId };
  else delete options.message_reference;
  return options;
}

/** The embeds of the `embeds` parameter, shaped as Discord's embed objects (n8n's prepareEmbeds). */
export function embedsParam(ctx: ExecuteContext, itemIndex: number): JsonObject[] | undefined {
  const entries = fixedValues(ctx, 'embeds', 'values', itemIndex);
  if (!param<unknown>(ctx, 'embeds', itemIndex, undefined)) return undefined;
  const embeds: JsonObject[] = [];
  entries.forEach((entry, index) => {
    let embed: JsonObject = {};
    if (entry.inputMethod === 'json') {
      if (entry.json && typeof entry.json === 'object') embed = { ...(entry.json as JsonObject) };
      else {
        try {
          embed = JSON.parse(String(entry.json ?? '{}')) as JsonObject;
        } catch {
          throw new NodeOperationError(ctx.node.name, 'Not a valid JSON', { itemIndex });
        }
      }
    } else {
      for (const [key, value] of Object.entries(entry)) if (key !== 'inputMethod' && value !== '') embed[key] = value;
    }
    if (!embed.description) throw new NodeOperationError(ctx.node.name, `Description is required, embed ${index} in item ${itemIndex} is missing it`, { itemIndex });
    if (embed.author) embed.author = { name: embed.author };
    if (typeof embed.color === 'string') embed.color = parseInt(embed.color.replace('#', ''), 16);
    if (embed.video) embed.video = { url: embed.video, width: 1270, height: 720 };
    if (embed.thumbnail) embed.thumbnail = { url: embed.thumbnail };
    if (embed.image) embed.image = { url: embed.image };
    if (Object.keys(embed).length) embeds.push(embed);
  });
  return embeds;
}

/** The binary files to attach, and Discord's `attachments` list that names them (ids 0…n). */
export function filesParam(ctx: ExecuteContext, itemIndex: number): { files: DiscordFile[]; attachments: JsonObject[] } {
  const item = ctx.getInputData()[itemIndex];
  const files: DiscordFile[] = [];
  const attachments: JsonObject[] = [];
  fixedValues(ctx, 'files', 'values', itemIndex).forEach((entry, index) => {
    const property = String(entry.inputFieldName ?? 'data');
    if (!item.binary?.[property]) {
      throw new NodeOperationError(ctx.node.name, `Input item [${itemIndex}] does not contain binary data on property ${property}`, { itemIndex });
    }
    const { buffer, binary } = binaryBuffer(ctx.node.name, item, property, itemIndex);
    let fileName = binary.fileName || 'file';
    if (!fileName.includes('.') && binary.fileExtension) fileName += `.${binary.fileExtension}`;
    attachments.push({ id: index, filename: fileName });
    files.push({ data: buffer, fileName, contentType: binary.mimeType });
  });
  return { files, attachments };
}

/** n8n's simplify: only the named fields that are present. */
export const pick = (fields: string[]) => (entry: JsonObject): JsonObject =>
  Object.fromEntries(fields.filter((field) => entry[field] !== undefined).map((field) => [field, entry[field]]));

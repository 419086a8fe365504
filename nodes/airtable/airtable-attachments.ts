// n8n's downloadRecordAttachments: each record (flattened) with the files of its attachment fields
// as binary properties named `<field>_<index>`.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type PairedItem } from '../../engine/index.ts';
import { prepareBinaryData } from '../n8n-api/binary-helpers.ts';
import type { AirtableApi } from './airtable-api.ts';
import { flattenRecord } from './airtable-params.ts';

interface Attachment { url: string; filename?: string; type?: string }

export async function recordsWithAttachments(
  ctx: ExecuteContext, api: AirtableApi, records: JsonObject[], fieldNames: string | string[], pairedItem: PairedItem | PairedItem[] | undefined, itemIndex: number,
  flatten = true,
): Promise<Item[]> {
  const names = typeof fieldNames === 'string' ? fieldNames.split(',').map((name) => name.trim()) : fieldNames;
  if (!names.length) throw new NodeOperationError(ctx.node.name, "Specify field to download in 'Download Attachments' option", { itemIndex });
  const items: Item[] = [];
  for (const record of records) {
    const item: Item = { json: flatten ? flattenRecord(record) : record, binary: {} };
    if (pairedItem !== undefined) item.pairedItem = pairedItem;
    const fields = (record.fields as JsonObject | undefined) ?? {};
    for (const name of names) {
      const attachments = fields[name];
      if (!Array.isArray(attachments)) continue;
      for (const [index, attachment] of (attachments as Attachment[]).entries()) {
        const data = await api.download(attachment.url, itemIndex);
        item.binary![`${name}_${index}`] = await prepareBinaryData(data, attachment.filename, attachment.type);
      }
    }
    if (!Object.keys(item.binary!).length) delete item.binary;
    items.push(item);
  }
  return items;
}

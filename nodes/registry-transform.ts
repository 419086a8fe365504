// The data transformation nodes (n8n's "Transform" group), registered together.
import type { NodeType } from '../engine/index.ts';
import { aggregateNode } from './aggregate/aggregate.node.ts';
import { compareDatasetsNode } from './compare-datasets/compare-datasets.node.ts';
import { cryptoNode } from './crypto/crypto.node.ts';
import { dateTimeNode } from './date-time/date-time.node.ts';
import { itemListsNode } from './item-lists/item-lists.node.ts';
import { limitNode } from './limit/limit.node.ts';
import { removeDuplicatesNode } from './remove-duplicates/remove-duplicates.node.ts';
import { renameKeysNode } from './rename-keys/rename-keys.node.ts';
import { sortNode } from './sort/sort.node.ts';
import { splitOutNode } from './split-out/split-out.node.ts';
import { summarizeNode } from './summarize/summarize.node.ts';

export const transformNodeTypes: NodeType[] = [
  aggregateNode,
  compareDatasetsNode,
  cryptoNode,
  dateTimeNode,
  itemListsNode,
  limitNode,
  removeDuplicatesNode,
  renameKeysNode,
  sortNode,
  splitOutNode,
  summarizeNode,
];

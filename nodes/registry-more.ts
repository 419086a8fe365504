// More core nodes (XML, HTML, files, Wait, n8n's training nodes), registered together.
import type { NodeType } from '../engine/index.ts';
import { convertToFileNode } from './convert-to-file/convert-to-file.node.ts';
import { extractFromFileNode } from './extract-from-file/extract-from-file.node.ts';
import { htmlNode } from './html/html.node.ts';
import { n8nTrainingCustomerDatastoreNode } from './n8n-training-customer-datastore/n8n-training-customer-datastore.node.ts';
import { n8nTrainingCustomerMessengerNode } from './n8n-training-customer-messenger/n8n-training-customer-messenger.node.ts';
import { waitNode } from './wait/wait.node.ts';
import { xmlNode } from './xml/xml.node.ts';

export const moreNodeTypes: NodeType[] = [
  xmlNode, htmlNode, convertToFileNode, extractFromFileNode, waitNode,
  n8nTrainingCustomerDatastoreNode, n8nTrainingCustomerMessengerNode,
];

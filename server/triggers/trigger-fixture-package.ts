// Writes a hand-compiled community package (CommonJS, `require("n8n-workflow")`, package.json `n8n`
// field) with one node of each self-starting kind, for the trigger tests: a trigger emitting on a
// timer, a poller keeping a cursor in static data, and a webhook node that registers its URL with
// a remote service through webhookMethods (a local server in the tests stands in for that SaaS).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TRIGGER_PACKAGE = 'n8n-nodes-weft-triggers';

const TIMER_NODE = String.raw`"use strict";
const n8n_workflow_1 = require("n8n-workflow");
class Timer {
  constructor() {
    this.description = {
      displayName: 'Timer Trigger', name: 'timer', group: ['trigger'], version: 1, description: 'Emits on a timer',
      defaults: { name: 'Timer' }, inputs: [], outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
      properties: [
        { displayName: 'Every (ms)', name: 'everyMs', type: 'number', default: 300 },
        { displayName: 'Report To', name: 'reportTo', type: 'string', default: '' },
        { displayName: 'Fail To Arm', name: 'failToArm', type: 'boolean', default: false },
      ],
    };
  }
  async trigger() {
    if (this.getNodeParameter('failToArm')) throw new n8n_workflow_1.NodeOperationError(this.getNode(), 'The service refused the subscription');
    const every = this.getNodeParameter('everyMs');
    const reportTo = this.getNodeParameter('reportTo', '');
    let n = 0;
    const emitTick = () => {
      n++;
      const tick = n;
      // Like a queue trigger that acknowledges a message once its run is done.
      const done = this.helpers.createDeferredPromise();
      done.promise.then((run) => reportTo && this.helpers.httpRequest({ method: 'POST', url: reportTo + '/acked', body: { tick, status: run.status }, json: true }));
      this.emit([this.helpers.returnJsonArray([{ tick, mode: this.getMode(), activation: this.getActivationMode() }])], undefined, done);
    };
    const timer = this.getMode() === 'manual' ? undefined : setInterval(emitTick, every);
    const closeFunction = async () => {
      if (timer) clearInterval(timer);
      if (reportTo) await this.helpers.httpRequest({ method: 'POST', url: reportTo + '/closed', body: { workflow: this.getWorkflow().id }, json: true });
    };
    const manualTriggerFunction = async () => {
      this.emit([this.helpers.returnJsonArray([{ manual: true, activation: this.getActivationMode() }])]);
    };
    return { closeFunction, manualTriggerFunction };
  }
}
exports.Timer = Timer;
`;

const POLLER_NODE = String.raw`"use strict";
class Poller {
  constructor() {
    this.description = {
      displayName: 'Poller Trigger', name: 'poller', group: ['trigger'], version: 1, description: 'Polls for new things', polling: true,
      defaults: { name: 'Poller' }, inputs: [], outputs: ['main'],
      properties: [{ displayName: 'Base', name: 'base', type: 'string', default: '' }],
    };
  }
  async poll() {
    const data = this.getWorkflowStaticData('node');
    const since = data.lastId === undefined ? 0 : data.lastId;
    const things = await this.helpers.httpRequest({ url: this.getNodeParameter('base') + '/things', qs: { since }, json: true });
    if (!things.length) return null;
    data.lastId = things[things.length - 1].id;
    return [this.helpers.returnJsonArray(things.map((t) => ({ ...t, since })))];
  }
}
exports.Poller = Poller;
`;

const HOOKED_NODE = String.raw`"use strict";
class Hooked {
  constructor() {
    this.description = {
      displayName: 'Hooked Trigger', name: 'hooked', group: ['trigger'], version: 1, description: 'Registers a webhook remotely',
      defaults: { name: 'Hooked' }, inputs: [], outputs: ['main'],
      webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
      properties: [
        { displayName: 'Base', name: 'base', type: 'string', default: '' },
        { displayName: 'Event', name: 'event', type: 'string', default: 'created' },
      ],
    };
    this.webhookMethods = {
      default: {
        async checkExists() {
          const data = this.getWorkflowStaticData('node');
          const hooks = await this.helpers.httpRequest({ url: this.getNodeParameter('base') + '/hooks', json: true });
          const url = this.getNodeWebhookUrl('default');
          const found = hooks.find((h) => h.url === url && h.event === this.getNodeParameter('event'));
          if (found) data.webhookId = found.id;
          return Boolean(found);
        },
        async create() {
          const data = this.getWorkflowStaticData('node');
          const made = await this.helpers.httpRequest({ method: 'POST', url: this.getNodeParameter('base') + '/hooks',
            body: { url: this.getNodeWebhookUrl('default'), event: this.getNodeParameter('event') }, json: true });
          data.webhookId = made.id;
          return true;
        },
        async delete() {
          const data = this.getWorkflowStaticData('node');
          if (data.webhookId === undefined) return true;
          await this.helpers.httpRequest({ method: 'DELETE', url: this.getNodeParameter('base') + '/hooks/' + data.webhookId, json: true });
          delete data.webhookId;
          return true;
        },
      },
    };
  }
  async webhook() {
    const query = this.getQueryData();
    if (query.challenge) {
      // The SaaS checks the URL first: answered by the node itself, no run.
      this.getResponseObject().status(200).send(String(query.challenge));
      return { noWebhookResponse: true };
    }
    const body = this.getBodyData();
    const req = this.getRequestObject();
    return { workflowData: [[{ json: { body, signature: this.getHeaderData()['x-signature'] || null, method: req.method, webhook: this.getWebhookName(), rawBody: req.rawBody ? req.rawBody.toString() : null } }]] };
  }
}
exports.Hooked = Hooked;
`;

/** Writes the package into `root/<name>` (a NODES_DIR-style folder). */
export function writeTriggerPackage(root: string): void {
  const dir = join(root, TRIGGER_PACKAGE);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: TRIGGER_PACKAGE, version: '0.1.0', main: 'index.js', peerDependencies: { 'n8n-workflow': '*' },
    n8n: { n8nNodesApiVersion: 1, nodes: ['dist/Timer.node.js', 'dist/Poller.node.js', 'dist/Hooked.node.js'] },
  }));
  writeFileSync(join(dir, 'dist/Timer.node.js'), TIMER_NODE);
  writeFileSync(join(dir, 'dist/Poller.node.js'), POLLER_NODE);
  writeFileSync(join(dir, 'dist/Hooked.node.js'), HOOKED_NODE);
}

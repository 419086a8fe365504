// Signed resume links (n8n's getSignedResumeUrl): a node that parks its run sends links to people,
// and only a link this installation signed may resume it. The signature covers the run, the node
// and every query parameter, so neither can be swapped (an "approved=false" link made "true").
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The query parameter that carries the signature (n8n's name). */
export const RESUME_SIGNATURE_PARAM = 'signature';

function signedText(executionId: string, nodeId: string, params: Record<string, string>): string {
  const query = Object.keys(params).filter((k) => k !== RESUME_SIGNATURE_PARAM).sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k])}`).join('&');
  return `${executionId}/${nodeId}?${query}`;
}

/** The signature of a resume link: HMAC-SHA256 under the installation's secret, hex. */
export function resumeSignature(secret: string, executionId: string, nodeId: string, params: Record<string, string>): string {
  return createHmac('sha256', secret).update(signedText(executionId, nodeId, params)).digest('hex');
}

/** Whether a call's query carries the signature this installation gives that run, node and parameters. */
export function isResumeSignatureValid(secret: string, executionId: string, nodeId: string, query: Record<string, unknown>): boolean {
  const given = query[RESUME_SIGNATURE_PARAM];
  if (typeof given !== 'string' || !/^[0-9a-f]{64}$/.test(given)) return false;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    if (typeof v !== 'string') return false; // a repeated parameter was never signed
    params[k] = v;
  }
  const wanted = Buffer.from(resumeSignature(secret, executionId, nodeId, params), 'hex');
  return timingSafeEqual(wanted, Buffer.from(given, 'hex'));
}

/** `<resumeUrl>/<nodeId>?<params>&signature=…` (resumeUrl is `<base>/webhook-waiting/<executionId>`). */
export function signedResumeUrl(resumeUrl: string, secret: string, executionId: string, nodeId: string, params: Record<string, string> = {}): string {
  const url = new URL(`${resumeUrl}/${encodeURIComponent(nodeId)}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  url.searchParams.set(RESUME_SIGNATURE_PARAM, resumeSignature(secret, executionId, nodeId, params));
  return url.toString();
}

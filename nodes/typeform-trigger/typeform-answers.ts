// The shape of a Typeform Trigger item, as n8n's webhook builds it from a form_response delivery:
// answers by field title (simplifyAnswers; `{{…}}` in titles become `[…]`, choice answers their
// label(s)), only the answers (onlyAnswers; from v1.1 keyed by field id), or the whole delivery.
import type { JsonObject } from '../../engine/index.ts';

export interface AnswerOptions { simplifyAnswers: boolean; onlyAnswers: boolean; typeVersion: number }

/** Throws when the delivery has no form_response definition/answers (n8n's message). */
export function typeformItems(body: JsonObject, options: AnswerOptions): JsonObject[] {
  const response = body.form_response as JsonObject | undefined;
  if (!response || response.definition === undefined || response.answers === undefined) {
    throw new Error('Expected definition/answers data is missing!');
  }
  const answers = (Array.isArray(response.answers) ? response.answers : []) as JsonObject[];
  if (options.simplifyAnswers) {
    const fields = (((response.definition as JsonObject).fields ?? []) as JsonObject[]);
    const titles = new Map(fields.map((field) => [String(field.id), String(field.title ?? '').replace(/\{\{/g, '[').replace(/\}\}/g, ']')]));
    const simple: JsonObject = {};
    for (const answer of answers) {
      let value = answer[String(answer.type)];
      if (value && typeof value === 'object') {
        const choice = value as JsonObject;
        if (choice.label !== undefined) value = choice.label;
        else if (choice.labels !== undefined) value = choice.labels;
      }
      simple[String(titles.get(String((answer.field as JsonObject | undefined)?.id)))] = value;
    }
    if (options.onlyAnswers) return [simple];
    return [{ ...body, form_response: { ...response, answers: simple } }];
  }
  if (options.onlyAnswers) {
    if (options.typeVersion >= 1.1) {
      return [Object.fromEntries(answers.map((answer) => [String((answer.field as JsonObject | undefined)?.id), answer]))];
    }
    // v1 hands `[answers]` to returnJsonArray: one item whose json is the list itself, which we
    // can only hold as an object keyed by position.
    return [{ ...answers } as JsonObject];
  }
  return [body];
}

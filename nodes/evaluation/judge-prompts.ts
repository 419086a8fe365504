// Default instructions for the model-as-judge metrics. Weft's own wording; the placeholders in the
// input prompts ({actual_answer}, {expected_answer}, {user_query}) are n8n's, so n8n workflows that
// set their own input prompt keep working.

export const CORRECTNESS_PROMPT = [
  'You grade an AI answer against a reference answer that is known to be right.',
  'Judge only whether the facts and meaning of the answer agree with the reference; ignore wording, order and style.',
  'Score 1 to 5: 5 = fully agrees, 4 = agrees with minor omissions, 3 = partly agrees, 2 = mostly wrong or missing, 1 = contradicts the reference.',
  'Reason step by step first, then give the score.',
].join('\n');

export const CORRECTNESS_INPUT_PROMPT = 'Answer to grade:\n{actual_answer}\n\nReference answer:\n{expected_answer}';

export const HELPFULNESS_PROMPT = [
  'You grade how helpful an AI response is to the user\'s question.',
  'A helpful response addresses what was asked, is relevant, clear and usable, and does not pad or evade.',
  'Score 1 to 5: 5 = fully resolves the question, 4 = mostly, 3 = partly, 2 = barely, 1 = not at all.',
  'Reason step by step first, then give the score.',
].join('\n');

export const HELPFULNESS_INPUT_PROMPT = 'User question:\n{user_query}\n\nResponse to grade:\n{actual_answer}';

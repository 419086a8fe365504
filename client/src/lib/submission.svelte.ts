// A form's submission state: busy while it is sent, and the server's refusal as text.
import { errorText } from './api.ts';

export class Submission {
  busy = $state(false);
  error = $state('');

  /** Runs `work` for a submitted form (its default submit is prevented); a failure becomes `error`. */
  async run(event: SubmitEvent, work: () => Promise<void>): Promise<void> {
    event.preventDefault();
    this.busy = true;
    this.error = '';
    try {
      await work();
    } catch (e) {
      this.error = errorText(e);
    } finally {
      this.busy = false;
    }
  }
}

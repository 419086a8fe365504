// The decider pattern: decide(command, state) → events, evolve(state, event) → state.

export interface Decider<Command, Event extends { type: string; data: unknown }, State> {
  initialState: () => State;
  /** Pure: returns the events a command produces in a state, or throws an AppError. */
  decide: (command: Command, state: State) => Event[];
  /** Pure: the state after an event. */
  evolve: (state: State, event: Event) => State;
}

/** Folds events into a state with a decider's evolve. */
export function fold<Event extends { type: string; data: unknown }, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

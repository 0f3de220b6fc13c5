// Values of the agent view that grow with time between pushes, computed on the client every second.

export interface AgentTiming {
  since: string | null;
}

/** A value that grows with time between pushes (longest wait, time in state): value at receipt + whole seconds since. */
export function ticking(valueSeconds: number | null, receivedAt: number, now: number): number | null {
  if (valueSeconds === null) {
    return null;
  }
  return valueSeconds + Math.max(0, Math.floor((now - receivedAt) / 1000));
}

/**
 * Seconds in the current state at the engine clock `asOf` (not the browser's clock: with the event clock,
 * or a TV whose clock is off, the two differ); null when the state has no start.
 */
export function secondsInState(agent: AgentTiming, asOf: string): number | null {
  if (!agent.since) {
    return null;
  }
  const since = Date.parse(agent.since);
  const at = Date.parse(asOf);
  if (Number.isNaN(since) || Number.isNaN(at)) {
    return null;
  }
  return Math.max(0, Math.floor((at - since) / 1000));
}

const STATE_ORDER = ['available', 'busy', 'wrapup', 'away', 'offline'];

/** Available first (longest idle on top: next in line), then busy, wrap-up, away; offline last. */
export function compareAgents<T extends AgentTiming & { state: string; name: string | null; id: string }>(asOf: string) {
  const order = (state: string) => {
    const index = STATE_ORDER.indexOf(state);
    return index < 0 ? STATE_ORDER.length : index;
  };
  return (a: T, b: T) => order(a.state) - order(b.state)
    || (secondsInState(b, asOf) ?? -1) - (secondsInState(a, asOf) ?? -1)
    || (a.name ?? a.id).localeCompare(b.name ?? b.id);
}

// The server's alert endpoints as the console and the boards use them: GET /api/v1/alerts and
// POST /api/v1/alerts/{id}/ack (src/Wallboard.Server/Alerts/AlertsApi.cs).

import { getJson } from './api.ts';
import type { Alert, AlertsPayload } from './lib/alerts.ts';

export function fetchAlerts(signal?: AbortSignal): Promise<AlertsPayload> {
  return getJson<AlertsPayload>('/api/v1/alerts', signal);
}

/** Why an acknowledgement did not go through, in words for the person who tried. */
export class AckError extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message);
  }
}

/** Acknowledges an active alert; resolves to the alert after it, or throws an AckError. */
export async function acknowledgeAlert(id: string, by: string, note: string | null): Promise<Alert> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/alerts/${encodeURIComponent(id)}/ack`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ by, note }),
      cache: 'no-store',
    });
  } catch {
    throw new AckError('The server did not answer. Try again in a moment.', null);
  }
  if (response.ok) {
    return (await response.json()) as Alert;
  }
  let detail = '';
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    detail = problem.detail ?? problem.title ?? '';
  } catch {
    detail = '';
  }
  if (response.status === 404) {
    throw new AckError('This alert is no longer active: it resolved or was replaced.', 404);
  }
  throw new AckError(detail ? `The server refused: ${detail}.` : `The server answered ${response.status}.`, response.status);
}

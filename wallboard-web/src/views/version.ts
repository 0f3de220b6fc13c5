// A TV keeps a page open for months: after a reconnect (typically a server upgrade) it compares the
// script the server now serves with its own, and reloads when the client was updated.

export async function checkForNewVersion(): Promise<void> {
  const current = document.querySelector<HTMLScriptElement>('script[data-app]')?.getAttribute('src');
  if (!current) {
    return;
  }
  try {
    const response = await fetch('/', { cache: 'no-store' });
    if (!response.ok) {
      return;
    }
    const served = /<script[^>]*data-app[^>]*src="([^"]+)"|<script[^>]*src="([^"]+)"[^>]*data-app/.exec(await response.text());
    const src = served?.[1] ?? served?.[2];
    if (src && src !== current) {
      window.location.reload();
    }
  } catch {
    // Try again at the next reconnect.
  }
}

/**
 * A random 24-character URL-safe key (144 bits) made when a citizen starts answering. It travels with every resend of
 * the same answers, so the server stores them once however often the network makes us send them.
 */
export function newClientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
}

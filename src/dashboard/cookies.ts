// The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page can
// make the browser send it), Secure when the bot is reached over HTTPS, limited to /dashboard.
export const SESSION_COOKIE = "kundennah_session";

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

export function sessionCookie(value: string, maxAgeMs: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    "Path=/dashboard",
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
    "HttpOnly",
    "SameSite=Strict",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

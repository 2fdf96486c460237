/** A logged-in API session for tests: keeps the cookie and sends the CSRF token. */
export class ApiClient {
  private cookie = '';
  private csrfToken = '';
  private language: string | null = null;

  constructor(private readonly baseUrl: string) {}

  static async login(baseUrl: string, login: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    if (response.status !== 200) throw new Error(`login ${login} failed: ${response.status} ${await response.text()}`);

    client.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    client.csrfToken = ((await response.json()) as { csrfToken: string }).csrfToken;
    return client;
  }

  /** Returns the same session against another node, to show that sessions live in the shared database. */
  onNode(baseUrl: string): ApiClient {
    const client = new ApiClient(baseUrl);
    client.cookie = this.cookie;
    client.csrfToken = this.csrfToken;
    return client;
  }

  /** Returns the same session with Accept-Language set, such as `en`, so that the server responds in that language. */
  inLanguage(language: string): ApiClient {
    const client = this.onNode(this.baseUrl);
    client.language = language;
    return client;
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...this.commonHeaders(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Sends a multipart form, such as a dispatch with its files. */
  async form(method: string, path: string, form: FormData): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { method, headers: this.commonHeaders(), body: form });
  }

  private commonHeaders(): Record<string, string> {
    return { cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...(this.language ? { 'accept-language': this.language } : {}) };
  }

  async json<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

export async function pollUntil<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

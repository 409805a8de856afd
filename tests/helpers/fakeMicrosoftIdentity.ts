// A local stand-in for the Microsoft identity services a Teams bot talks to, speaking their wire
// formats:
// - the Bot Framework's OpenID configuration and signing keys (login.botframework.com), which the
//   bot uses to check the token on every incoming activity;
// - Microsoft Entra ID (login.microsoftonline.com): a tenant's OpenID configuration and its
//   OAuth 2.0 token endpoint, where the bot gets its own client-credentials token for the
//   connector (SingleTenant, MultiTenant);
// - an Azure App Service managed-identity endpoint (IDENTITY_ENDPOINT, IDENTITY_HEADER), where a
//   UserAssignedMSI bot gets that token instead.
//
// botbuilder uses the real https://login.* addresses for the public cloud, and MSAL accepts no
// other kind of authority (it refuses http, and checks any host it does not know with
// login.microsoftonline.com). So instead of changing the bot's settings, the test routes this
// process's HTTPS connections here: `routeHttpsHere()` swaps Node's global HTTPS agent for one
// that connects to this server and trusts its certificate, made for those hosts at start. The bot
// then runs exactly its production configuration against this fake.
import { execFileSync } from "node:child_process";
import crypto, { type KeyObject } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";

export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
const OPENID_PATH = "/v1/.well-known/openidconfiguration";
const KEYS_PATH = "/v1/.well-known/keys";
const HOSTS = ["login.botframework.com", "login.microsoftonline.com"];
/** The channels Microsoft's Bot Framework keys vouch for (a token alone does not say "Teams"). */
const ENDORSEMENTS = ["msteams", "webchat", "directline", "skype", "slack", "email", "telegram"];

export interface TokenRequest {
  /** "entra": the OAuth 2.0 token endpoint; "managed-identity": the App Service identity endpoint. */
  via: "entra" | "managed-identity";
  /** Entra: the tenant in the token endpoint's path. */
  tenant?: string;
  clientId: string | null;
  clientSecret?: string | null;
  /** Entra: `scope`; managed identity: `resource`. */
  scope: string | null;
  grantType?: string | null;
  /** Managed identity: the X-IDENTITY-HEADER secret the caller sent. */
  identityHeader?: string | null;
  /** The access token handed out. */
  issued: string;
}

export interface ChannelTokenOptions {
  aud: string;
  serviceUrl: string;
  iss?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  /** Sign with this key instead of the published one (keeping the published key's id). */
  signWith?: KeyObject;
  kid?: string;
}

/** A self-signed certificate for the login hosts, made by the openssl command line tool. */
function generateCertificate(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kundennah-fake-identity-"));
  try {
    const keyFile = path.join(dir, "key.pem");
    const certFile = path.join(dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-keyout",
        keyFile,
        "-out",
        certFile,
        "-subj",
        "/CN=Fake Microsoft identity for tests",
        "-addext",
        `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(",")}`,
      ],
      { stdio: "ignore" },
    );
    return { key: fs.readFileSync(keyFile, "utf8"), cert: fs.readFileSync(certFile, "utf8") };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

export class FakeMicrosoftIdentity {
  readonly tokenRequests: TokenRequest[] = [];
  readonly keyId = `fake-bf-${crypto.randomBytes(4).toString("hex")}`;
  /** The secret a managed-identity caller must send, as App Service sets it in IDENTITY_HEADER. */
  readonly identityHeader = crypto.randomBytes(16).toString("hex");
  private readonly signingKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  private readonly tls = generateCertificate();
  private httpsServer!: https.Server;
  private msiServer!: http.Server;
  private nextToken = 1;
  /** The App Service managed-identity endpoint (plain http on the machine, as App Service has it). */
  identityEndpoint = "";

  async start(): Promise<this> {
    this.httpsServer = https.createServer(
      { key: this.tls.key, cert: this.tls.cert },
      (req, res) => void this.handle(req, res),
    );
    this.msiServer = http.createServer((req, res) => void this.handleManagedIdentity(req, res));
    await Promise.all(
      [this.httpsServer, this.msiServer].map((s) => new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve))),
    );
    this.identityEndpoint = `http://127.0.0.1:${(this.msiServer.address() as AddressInfo).port}/msi/token`;
    return this;
  }

  async stop(): Promise<void> {
    for (const server of [this.httpsServer, this.msiServer]) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** Sends every HTTPS connection of this process here; returns the function that undoes it. */
  routeHttpsHere(): () => void {
    const original = https.globalAgent;
    const port = (this.httpsServer.address() as AddressInfo).port;
    const ca = this.tls.cert;
    const agent = new https.Agent({ ca });
    // Agent#createConnection is how Node opens sockets for an agent; the host name stays the
    // TLS server name, so the certificate is still checked against login.*.
    (agent as unknown as { createConnection: (options: tls.ConnectionOptions) => tls.TLSSocket }).createConnection = (
      options,
    ) => tls.connect({ ...options, host: "127.0.0.1", port, ca, servername: options.servername || options.host });
    https.globalAgent = agent;
    return () => {
      https.globalAgent = original;
      agent.destroy();
    };
  }

  /** A token as the Bot Framework puts on an activity it sends to the bot. */
  channelToken(options: ChannelTokenOptions): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: "RS256", typ: "JWT", kid: options.kid ?? this.keyId, x5t: options.kid ?? this.keyId };
    const payload = {
      serviceurl: options.serviceUrl,
      nbf: now - 60,
      exp: now + (options.expiresIn ?? 3600),
      iss: options.iss ?? BOT_FRAMEWORK_ISSUER,
      aud: options.aud,
    };
    const signed = `${b64url(header)}.${b64url(payload)}`;
    const signature = crypto.sign("sha256", Buffer.from(signed), options.signWith ?? this.signingKey.privateKey);
    return `${signed}.${signature.toString("base64url")}`;
  }

  /** Tokens this fake handed out. */
  issued(): string[] {
    return this.tokenRequests.map((r) => r.issued);
  }

  private issue(request: Omit<TokenRequest, "issued">): string {
    const token = `fake-access-token-${this.nextToken++}-${crypto.randomBytes(6).toString("hex")}`;
    this.tokenRequests.push({ ...request, issued: token });
    return token;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const host = (req.headers.host ?? "").split(":")[0];
    const url = new URL(req.url ?? "/", `https://${host}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };

    if (host === "login.botframework.com" && url.pathname === OPENID_PATH) {
      return send(200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: "https://invalid.botframework.com",
        jwks_uri: `https://login.botframework.com${KEYS_PATH}`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      });
    }
    if (host === "login.botframework.com" && url.pathname === KEYS_PATH) {
      const jwk = this.signingKey.publicKey.export({ format: "jwk" });
      return send(200, {
        keys: [
          { kty: "RSA", use: "sig", kid: this.keyId, x5t: this.keyId, n: jwk.n, e: jwk.e, endorsements: ENDORSEMENTS },
        ],
      });
    }

    const entra =
      host === "login.microsoftonline.com"
        ? /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.exec(url.pathname)
        : null;
    if (entra?.[2]?.startsWith("v2.0")) {
      const tenant = entra[1]!;
      const base = `https://login.microsoftonline.com/${tenant}`;
      return send(200, {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ["query", "fragment", "form_post"],
        subject_types_supported: ["pairwise"],
        id_token_signing_alg_values_supported: ["RS256"],
        response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
        scopes_supported: ["openid", "profile", "email", "offline_access"],
        issuer: `${base}/v2.0`,
        request_uri_parameter_supported: false,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        tenant_region_scope: "EU",
        cloud_instance_name: "microsoftonline.com",
        cloud_graph_host_name: "graph.windows.net",
        msgraph_host: "graph.microsoft.com",
      });
    }
    if (entra && req.method === "POST") {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const token = this.issue({
        via: "entra",
        tenant: entra[1]!,
        clientId: form.get("client_id"),
        clientSecret: form.get("client_secret"),
        scope: form.get("scope"),
        grantType: form.get("grant_type"),
      });
      return send(200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: token });
    }
    return send(404, {
      error: "not_found",
      error_description: `fake identity: no route ${req.method} ${host}${url.pathname}`,
    });
  }

  private handleManagedIdentity(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const identityHeader = (req.headers["x-identity-header"] as string | undefined) ?? null;
    res.setHeader("content-type", "application/json; charset=utf-8");
    if (req.method !== "GET" || url.pathname !== "/msi/token" || identityHeader !== this.identityHeader) {
      res.statusCode = 400;
      res.end(JSON.stringify({ statusCode: 400, message: "fake managed identity: bad request" }));
      return;
    }
    const resource = url.searchParams.get("resource");
    const clientId = url.searchParams.get("client_id");
    const token = this.issue({ via: "managed-identity", clientId, scope: resource, identityHeader });
    res.end(
      JSON.stringify({
        access_token: token,
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource,
        token_type: "Bearer",
        client_id: clientId,
      }),
    );
  }
}

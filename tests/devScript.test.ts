// `npm run dev` as a newcomer runs it, with the Playground's usual port already taken by
// something else: the banner must name the address the Playground really got, and the
// Playground (which relays to an unauthenticated bot) must not be reachable from the network.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { tempDir } from "./helpers/harness.js";

let dev: ChildProcess | null = null;
let held: net.Server | null = null;

afterEach(async () => {
  if (dev && dev.exitCode === null && dev.signalCode === null) {
    const exited = new Promise((resolve) => dev!.once("exit", resolve));
    process.kill(-dev.pid!, "SIGTERM"); // its own process group: the script, the bot and the Playground
    await exited;
  }
  dev = null;
  await new Promise((resolve) => (held ? held.close(resolve) : resolve(undefined)));
  held = null;
});

function listenOn(host: string, port = 0): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function freePort(): Promise<number> {
  const server = await listenOn("127.0.0.1");
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const networkAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && !a.internal && a.family === "IPv4")?.address;

describe("npm run dev", () => {
  it("names the Playground's real address when its port is taken, and keeps it on loopback", async () => {
    held = await listenOn("127.0.0.1");
    const takenPort = (held.address() as net.AddressInfo).port;
    const dir = tempDir();
    dev = spawn(process.execPath, ["scripts/dev.mjs"], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PORT: String(await freePort()),
        PLAYGROUND_PORT: String(takenPort),
        DATABASE_URL: `file:${path.join(dir, "dev.db")}`,
        TEAMSAPPTESTER_LOGFILE: path.join(dir, "playground.log"),
        LOG_LEVEL: "warn",
      },
    });
    const output: string[] = [];
    const bannerDone = new Promise<void>((resolve, reject) => {
      let inBanner = false;
      readline.createInterface({ input: dev!.stdout! }).on("line", (line) => {
        output.push(line);
        if (line.includes("Kundennah dev: open")) inBanner = true;
        else if (inBanner && line.startsWith("───")) resolve();
      });
      dev!.once("exit", (code) =>
        reject(new Error(`npm run dev exited (${code}) before its banner:\n${output.join("\n")}`)),
      );
    });
    await bannerDone;
    const banner = output.join("\n");

    const announced = /Kundennah dev: open http:\/\/localhost:(\d+) \(port (\d+) was taken\)/.exec(banner);
    expect(announced, banner).not.toBeNull();
    const playgroundPort = Number(announced![1]);
    expect(Number(announced![2])).toBe(takenPort);
    expect(playgroundPort).not.toBe(takenPort);
    const page = await fetch(`http://127.0.0.1:${playgroundPort}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<html");

    expect(banner).toContain("this machine only (127.0.0.1)");
    if (networkAddress) expect(await connects(networkAddress, playgroundPort)).toBe(false);

    expect(banner).toContain('the bot is called "Test Bot"');
    expect(banner).toContain("commands need an @mention: @Test Bot digest-channel");
    expect(banner).toContain("Mock an Activity → Custom activity");
  }, 60_000);
});

#!/usr/bin/env node
// Entry point for `npx kundennah …`: runs the TypeScript CLI through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli.ts");
try {
  await runCli(process.argv.slice(2));
} catch (error) {
  const { ConfigError } = await import("../src/config.ts");
  if (error instanceof ConfigError) {
    process.stderr.write(`kundennah: configuration problem: ${error.message}\n`);
    process.exit(78); // EX_CONFIG, as the server
  }
  process.stderr.write(`kundennah: ${error?.message ?? error}\n`);
  process.exit(1);
}

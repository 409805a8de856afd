// Preloaded into the Microsoft 365 Agents Playground by scripts/dev.mjs (node --require).
// The Playground has no host option: it listens on every interface and relays whatever it is
// sent to the bot, which runs unauthenticated in local mode — anyone on the network could act
// as an admin. This pins its listeners to the loopback interface. It also reports the port the
// Playground really bound (it moves to a random one when the requested port is taken), because
// its own output may change between versions and the banner must name the right address.
const http = require("node:http");
const net = require("node:net");

const LOOPBACK = "127.0.0.1";
const listen = net.Server.prototype.listen;
let reported = false;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (first === undefined || typeof first === "function") args.unshift(0, LOOPBACK);
  else if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    if (second === undefined || second === null) args[1] = LOOPBACK;
    else if (typeof second !== "string") args.splice(1, 0, LOOPBACK);
  } else if (
    typeof first === "object" &&
    first !== null &&
    !("path" in first) &&
    !("fd" in first) &&
    !("handle" in first) &&
    !first.host
  ) {
    args[0] = { ...first, host: LOOPBACK };
  }
  if (this instanceof http.Server && !reported) {
    reported = true;
    this.once("listening", () => {
      const address = this.address();
      if (address && typeof address === "object")
        process.stdout.write(`kundennah-dev: playground listening on ${address.address}:${address.port}\n`);
    });
  }
  return listen.apply(this, args);
};

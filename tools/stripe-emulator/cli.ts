// Standalone emulator:
//   npx tsx tools/stripe-emulator/cli.ts --port 12111 --webhook-url http://127.0.0.1:3000/api/stripe/webhook \
//     --webhook-secret whsec_x --state-file .data/stripe-emulator.json
// Flags fall back to STRIPE_EMULATOR_PORT, STRIPE_WEBHOOK_URL, STRIPE_WEBHOOK_SECRET, STRIPE_EMULATOR_STATE.
import { parseArgs } from 'node:util';
import { startStripeEmulator } from './index';

const USAGE = `Usage: tsx tools/stripe-emulator/cli.ts [options]
  --port <n>              port to listen on (env STRIPE_EMULATOR_PORT; default 12111, 0 = any free port)
  --host <host>           address to listen on (default 127.0.0.1)
  --public-url <url>      base URL of the hosted pages (default http://localhost:<port>)
  --webhook-url <url>     where to POST events (env STRIPE_WEBHOOK_URL; unset = events are only stored)
  --webhook-secret <s>    whsec_... used to sign events (env STRIPE_WEBHOOK_SECRET)
  --state-file <path>     JSON file keeping state across restarts (env STRIPE_EMULATOR_STATE)`;

function main(): Promise<void> | void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'state-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const portText = values.port ?? process.env.STRIPE_EMULATOR_PORT ?? '12111';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${portText}`);
  return run({
    port,
    host: values.host,
    publicUrl: values['public-url'],
    webhookTarget: values['webhook-url'] ?? process.env.STRIPE_WEBHOOK_URL ?? undefined,
    webhookSecret: values['webhook-secret'] ?? process.env.STRIPE_WEBHOOK_SECRET ?? undefined,
    stateFile: values['state-file'] ?? process.env.STRIPE_EMULATOR_STATE ?? undefined,
  });
}

async function run(options: Parameters<typeof startStripeEmulator>[0]): Promise<void> {
  const emulator = await startStripeEmulator({ ...options, logger: (message) => console.error(`[stripe-emulator] ${message}`) });
  console.log(`Stripe emulator listening on ${emulator.url} (API key ${emulator.apiKey}, hosted pages at ${emulator.publicUrl})`);
  const stop = () => {
    // close() saves the state file.
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
}

// The local Stripe emulator for `npm start` and the e2e server: started in this process
// when no STRIPE_SECRET_KEY is configured, delivering signed webhooks to the app.
import crypto from 'node:crypto';
import { startStripeEmulator, type StripeEmulator } from '../../tools/stripe-emulator';

export interface LocalStripe {
  emulator: StripeEmulator;
  /** Environment for the app server: the SDK points at the emulator. */
  env: Record<string, string>;
}

/** Webhooks go to `appOrigin` (default http://127.0.0.1:<appPort>), where the app server listens. */
export async function startLocalStripe(options: { appPort: number; appOrigin?: string; emulatorPort: number; stateFile?: string }): Promise<LocalStripe> {
  const webhookSecret = `whsec_${crypto.randomBytes(24).toString('hex')}`;
  const emulator = await startStripeEmulator({
    port: options.emulatorPort,
    publicUrl: `http://localhost:${options.emulatorPort}`,
    webhookSecret,
    webhookTarget: `${options.appOrigin ?? `http://127.0.0.1:${options.appPort}`}/api/stripe/webhook`,
    stateFile: options.stateFile,
  });
  return {
    emulator,
    env: {
      STRIPE_SECRET_KEY: emulator.apiKey,
      STRIPE_API_URL: `http://127.0.0.1:${emulator.port}`,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
    },
  };
}

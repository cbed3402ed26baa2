// Which OAuth sign-in methods this deployment offers: each only when both its keys are set.
import { env } from '@/lib/env';

export interface OAuthProviderConfig {
  id: 'google' | 'github';
  name: string;
  clientId: string;
  clientSecret: string;
}

export function configuredOAuthProviders(): OAuthProviderConfig[] {
  const providers: OAuthProviderConfig[] = [];
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push({ id: 'google', name: 'Google', clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET });
  }
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push({ id: 'github', name: 'GitHub', clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET });
  }
  return providers;
}

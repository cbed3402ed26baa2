// The price line the members' call to join names ("From £19 a month"); nothing when no
// plan can be shown, so the box still renders.
import { cachedStartingPrice } from '@/lib/billing/paywall-price';

export async function StartingPrice() {
  const line = await cachedStartingPrice();
  if (!line) return null;
  return <p data-testid="paywall-price" className="mt-1 text-lg font-semibold text-white">{line}</p>;
}

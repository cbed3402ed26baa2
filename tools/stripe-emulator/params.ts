// Reading request parameters the way Stripe validates them: typed readers that fail with
// Stripe's 400 messages, and a check that rejects parameters Stripe itself does not know.
import { ApiError, invalidParam, missingParam } from './errors';
import type { FormObject, FormValue } from './form-encoding';

const PAGINATION = ['limit', 'starting_after', 'ending_before'];

// Top-level parameters of each endpoint in this API version, copied from the SDK's *Params
// types. Parameters listed here but not emulated are accepted and ignored (see README);
// anything else is a 400 like Stripe's "Received unknown parameter", which catches typos in the app.
export const KNOWN_PARAMS = {
  retrieve: ['expand'],
  customerCreate: ['address', 'balance', 'business_name', 'cash_balance', 'description', 'email', 'expand', 'individual_name', 'invoice_prefix', 'invoice_settings', 'metadata', 'name', 'next_invoice_sequence', 'payment_method', 'phone', 'preferred_locales', 'shipping', 'source', 'tax', 'tax_exempt', 'tax_id_data', 'test_clock', 'validate'],
  customerUpdate: ['address', 'balance', 'business_name', 'cash_balance', 'default_source', 'description', 'email', 'expand', 'individual_name', 'invoice_prefix', 'invoice_settings', 'metadata', 'name', 'next_invoice_sequence', 'phone', 'preferred_locales', 'shipping', 'source', 'tax', 'tax_exempt', 'validate'],
  customerList: [...PAGINATION, 'created', 'email', 'expand', 'test_clock'],
  priceList: [...PAGINATION, 'active', 'created', 'currency', 'expand', 'lookup_keys', 'product', 'recurring', 'type'],
  productList: [...PAGINATION, 'active', 'created', 'expand', 'ids', 'shippable', 'type', 'url'],
  checkoutCreate: ['adaptive_pricing', 'after_expiration', 'allow_promotion_codes', 'allowed_payment_method_types', 'automatic_tax', 'billing_address_collection', 'branding_settings', 'cancel_url', 'client_reference_id', 'consent_collection', 'currency', 'custom_fields', 'custom_text', 'customer', 'customer_account', 'customer_creation', 'customer_email', 'customer_update', 'discounts', 'excluded_payment_method_types', 'expand', 'expires_at', 'integration_identifier', 'invoice_creation', 'line_items', 'locale', 'managed_payments', 'metadata', 'mode', 'name_collection', 'optional_items', 'origin_context', 'payment_intent_data', 'payment_method_collection', 'payment_method_configuration', 'payment_method_data', 'payment_method_options', 'permissions', 'phone_number_collection', 'redirect_on_completion', 'return_url', 'saved_payment_method_options', 'setup_intent_data', 'shipping_address_collection', 'shipping_options', 'submit_type', 'subscription_data', 'success_url', 'tax_id_collection', 'ui_mode', 'wallet_options'],
  checkoutList: [...PAGINATION, 'created', 'customer', 'customer_account', 'customer_details', 'expand', 'payment_intent', 'payment_link', 'status', 'subscription'],
  portalCreate: ['after_expiration', 'configuration', 'customer', 'customer_account', 'expand', 'flow_data', 'locale', 'on_behalf_of', 'return_url'],
  subscriptionCreate: ['add_invoice_items', 'application_fee_percent', 'automatic_tax', 'backdate_start_date', 'billing_cycle_anchor', 'billing_cycle_anchor_config', 'billing_mode', 'billing_schedules', 'billing_thresholds', 'cancel_at', 'cancel_at_period_end', 'collection_method', 'currency', 'customer', 'customer_account', 'days_until_due', 'default_payment_method', 'default_source', 'default_tax_rates', 'description', 'discounts', 'expand', 'invoice_settings', 'items', 'metadata', 'off_session', 'on_behalf_of', 'payment_behavior', 'payment_settings', 'pending_invoice_item_interval', 'proration_behavior', 'transfer_data', 'trial_end', 'trial_from_plan', 'trial_period_days', 'trial_settings'],
  subscriptionUpdate: ['add_invoice_items', 'application_fee_percent', 'automatic_tax', 'billing_cycle_anchor', 'billing_schedules', 'billing_thresholds', 'cancel_at', 'cancel_at_period_end', 'cancellation_details', 'collection_method', 'days_until_due', 'default_payment_method', 'default_source', 'default_tax_rates', 'description', 'discounts', 'expand', 'invoice_settings', 'items', 'metadata', 'off_session', 'on_behalf_of', 'pause_collection', 'payment_behavior', 'payment_settings', 'pending_invoice_item_interval', 'proration_behavior', 'proration_date', 'transfer_data', 'trial_end', 'trial_from_plan', 'trial_settings'],
  subscriptionList: [...PAGINATION, 'automatic_tax', 'collection_method', 'created', 'current_period_end', 'current_period_start', 'customer', 'customer_account', 'expand', 'plan', 'price', 'status', 'test_clock'],
  subscriptionCancel: ['cancellation_details', 'expand', 'invoice_now', 'prorate'],
  invoiceList: [...PAGINATION, 'collection_method', 'created', 'customer', 'customer_account', 'due_date', 'expand', 'status', 'subscription'],
  eventList: [...PAGINATION, 'created', 'delivery_success', 'expand', 'type', 'types'],
} satisfies Record<string, string[]>;

export type Endpoint = keyof typeof KNOWN_PARAMS;

/** Typed, path-aware access to one (possibly nested) parameter object. */
export class Params {
  constructor(
    readonly raw: FormObject,
    private readonly prefix = '',
  ) {}

  static forEndpoint(raw: FormObject, endpoint: Endpoint): Params {
    const known: readonly string[] = KNOWN_PARAMS[endpoint];
    for (const key of Object.keys(raw)) {
      if (!known.includes(key)) throw new ApiError(400, `Received unknown parameter: ${key}`, { code: 'parameter_unknown', param: key });
    }
    return new Params(raw);
  }

  path(name: string): string {
    return this.prefix ? `${this.prefix}[${name}]` : name;
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined;
  }

  str(name: string): string | undefined {
    const value = this.raw[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw invalidParam(this.path(name), `Invalid string: ${describe(value)}`);
    return value;
  }

  requiredStr(name: string): string {
    const value = this.str(name);
    if (value === undefined || value === '') throw missingParam(this.path(name));
    return value;
  }

  int(name: string, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number | undefined {
    const value = this.str(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw invalidParam(this.path(name), `Invalid integer: ${value}`, 'parameter_invalid_integer');
    const n = Number(value);
    if (n < min || n > max) throw invalidParam(this.path(name), `Invalid ${this.path(name)}: must be between ${min} and ${max}`);
    return n;
  }

  bool(name: string): boolean | undefined {
    const value = this.str(name);
    if (value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw invalidParam(this.path(name), `Invalid boolean: ${value}`);
  }

  strArray(name: string): string[] | undefined {
    const value = this.raw[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw invalidParam(this.path(name), `Invalid array`);
    }
    return value as string[];
  }

  obj(name: string): Params | undefined {
    const value = this.raw[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidParam(this.path(name), `Invalid object`);
    return new Params(value, this.path(name));
  }

  objArray(name: string): Params[] | undefined {
    const value = this.raw[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw invalidParam(this.path(name), `Invalid array`);
    return value.map((item, i) => {
      const itemPath = `${this.path(name)}[${i}]`;
      if (typeof item !== 'object' || Array.isArray(item)) throw invalidParam(itemPath, `Invalid object`);
      return new Params(item, itemPath);
    });
  }

  /**
   * Stripe's metadata update rules: `metadata=` (empty) clears all keys, `metadata[k]=` removes k,
   * other keys are merged into the existing metadata.
   */
  metadata(current: Record<string, string> = {}, name = 'metadata'): Record<string, string> | undefined {
    const value = this.raw[name];
    if (value === undefined) return undefined;
    if (value === '') return {};
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidParam(this.path(name), `Invalid object`);
    const next = { ...current };
    for (const [key, v] of Object.entries(value)) {
      if (typeof v !== 'string') throw invalidParam(`${this.path(name)}[${key}]`, `Invalid string: ${describe(v)}`);
      if (key.length > 40) throw invalidParam(`${this.path(name)}[${key}]`, 'Metadata keys can have up to 40 characters.');
      if (v.length > 500) throw invalidParam(`${this.path(name)}[${key}]`, 'Metadata values can have up to 500 characters.');
      if (v === '') delete next[key];
      else next[key] = v;
    }
    if (Object.keys(next).length > 50) throw invalidParam(this.path(name), 'Metadata can have up to 50 keys.');
    return next;
  }

  expand(): string[] {
    return this.strArray('expand') ?? [];
  }
}

function describe(value: FormValue): string {
  return JSON.stringify(value);
}

// Errors in Stripe's JSON shape, so the SDK raises the same error classes it would against the real API
// (StripeInvalidRequestError, StripeAuthenticationError, StripeIdempotencyError...).

export type ErrorType = 'invalid_request_error' | 'idempotency_error' | 'card_error' | 'api_error';

export class ApiError extends Error {
  readonly status: number;
  readonly type: ErrorType;
  readonly code?: string;
  readonly param?: string;

  constructor(status: number, message: string, options: { type?: ErrorType; code?: string; param?: string } = {}) {
    super(message);
    this.status = status;
    this.type = options.type ?? 'invalid_request_error';
    this.code = options.code;
    this.param = options.param;
  }

  toJSON(requestId: string) {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code, doc_url: `https://stripe.com/docs/error-codes/${this.code.replaceAll('_', '-')}` } : {}),
        ...(this.param ? { param: this.param } : {}),
        request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}`,
      },
    };
  }
}

export function notFound(kind: string, id: string, param = 'id'): ApiError {
  return new ApiError(404, `No such ${kind}: '${id}'`, { code: 'resource_missing', param });
}

export function missingParam(param: string): ApiError {
  return new ApiError(400, `Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

export function invalidParam(param: string, message: string, code?: string): ApiError {
  return new ApiError(400, message, { code, param });
}

import { ChannelDeliveryError } from '../core/channel-adapter.js';

/**
 * Graph error codes that are temporary. Meta reports throttling with HTTP 400/403, so the code
 * matters more than the status: 1 unknown/transient, 2 service unavailable, 4 app rate limit,
 * 17 user rate limit, 32 page rate limit, 341 application limit, 613 calls exceeded.
 */
const TEMPORARY_CODES = new Set([1, 2, 4, 17, 32, 341, 613]);
/** Outside the messaging window (error 10, subcode 2018278) — permanent for this message. */
const OUTSIDE_WINDOW_SUBCODE = 2018278;

export interface GraphErrorBody {
  error?: { message?: string; type?: string; code?: number; error_subcode?: number; fbtrace_id?: string; is_transient?: boolean };
}

/**
 * A Send API failure → our one delivery error: 5xx, 429, the throttling codes and errors Meta
 * marks `is_transient` are retried with backoff; anything else (invalid recipient 100, person
 * unavailable 551, expired token 190, permissions 10/200/230, outside the window) fails the message with Meta's reason.
 */
export function toMetaChannelError(httpStatus: number, body: GraphErrorBody | null | undefined): ChannelDeliveryError {
  const e = body?.error ?? {};
  const code = typeof e.code === 'number' ? e.code : undefined;
  const retryable = httpStatus >= 500 || httpStatus === 429 || e.is_transient === true || (code !== undefined && TEMPORARY_CODES.has(code));
  const detail =
    e.error_subcode === OUTSIDE_WINDOW_SUBCODE
      ? `outside Meta’s messaging window (${e.message ?? 'error 10/2018278'})`
      : (e.message ?? `HTTP ${httpStatus}`);
  const label = code !== undefined ? `Graph API ${code}${e.error_subcode ? `/${e.error_subcode}` : ''}` : `Graph API HTTP ${httpStatus}`;
  return new ChannelDeliveryError(`${label}: ${detail}`, retryable, code ?? httpStatus);
}

/**
 * Rate limits on the public, unauthenticated edges (provider callbacks and customer returns, checkout): who the
 * client is ({@link io.tijarat.web.ratelimit.ClientAddresses}, believing forwarding headers only from configured
 * proxies), and bounded sets of token buckets ({@link io.tijarat.web.ratelimit.KeyedRateLimiter}) so a flood from
 * many addresses costs bounded memory and never resets everyone's limit. A refusal is 429 problem+json with
 * Retry-After.
 */
package io.tijarat.web.ratelimit;

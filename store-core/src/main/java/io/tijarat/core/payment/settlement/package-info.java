/**
 * Settlement: the one idempotent path by which a later answer about an attempt (an inquiry, an inbound
 * event, a bank transfer) changes the attempt and its order, so every source of news settles money the same way.
 */
package io.tijarat.core.payment.settlement;

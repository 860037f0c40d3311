/**
 * Flat-rate shipping, provider id {@code flat-rate}: prices from a tariff table the operator configures,
 * by city zone (the shop's own city, major cities, the rest of Pakistan) and weight slab. It is not a
 * courier: the shop delivers itself or hands parcels to a courier by hand, so a booking records the
 * shop's own consignment reference and calls no one.
 */
package io.tijarat.plugin.flatrate;

/**
 * The catalog: products, their sellable variants (SKU, price in minor units, weight, stock), and the
 * repository that finds them. Prices are never floating point.
 */
package io.tijarat.core.catalog;

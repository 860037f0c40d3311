/**
 * Pakistani places as customers write them: the one canonical city list the core and every plugin use (since
 * SPI 1.2), so a courier's coverage, a COD city list and a customer's address agree on what "Pindi" or
 * "ڈیرہ غازی خان" means.
 */
package io.tijarat.spi.geo;

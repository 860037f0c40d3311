/**
 * What a plugin says to customers, in English and Urdu (since SPI 1.2): texts kept in resource bundles beside
 * the plugin's code, so a translator edits a properties file, not Java.
 */
package io.tijarat.spi.text;

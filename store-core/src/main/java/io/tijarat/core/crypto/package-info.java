/** Small cryptographic helpers shared by the core and the web layer. */
package io.tijarat.core.crypto;

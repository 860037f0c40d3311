/**
 * Failures a client can cause or must handle, in domain terms; the web layer maps each to an HTTP problem.
 */
package io.tijarat.core.error;

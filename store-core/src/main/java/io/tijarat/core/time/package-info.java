/** Time: everything reads an injected {@link java.time.Clock}, never the system clock directly. */
package io.tijarat.core.time;

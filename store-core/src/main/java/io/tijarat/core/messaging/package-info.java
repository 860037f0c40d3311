/**
 * What a text message costs on the wire: the encoding a gateway must use for it (GSM 03.38 7-bit or
 * UCS-2), how many parts it is billed as, and what those parts cost. Pure functions, no state: the
 * outbox and the admin preview ask the same questions and must get the same answers.
 */
package io.tijarat.core.messaging;

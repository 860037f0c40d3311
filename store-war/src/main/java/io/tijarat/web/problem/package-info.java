/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}): every failure a client can cause
 * gets a 4xx that names the field and the reason; anything else is a 500 that says nothing internal and
 * carries an id to find the logged cause.
 */
package io.tijarat.web.problem;

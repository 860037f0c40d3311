/**
 * JSON handling for the API: strict binding (unknown fields are refused, so no client can mass-assign a
 * price, a status or a total), a size limit on request bodies, and readable errors for malformed JSON.
 */
package io.tijarat.web.json;
